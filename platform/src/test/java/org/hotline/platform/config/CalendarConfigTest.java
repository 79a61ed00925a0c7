package org.hotline.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.hotline.calendar.BusinessCalendar;
import org.junit.jupiter.api.Test;

/** The documented {@code hotline.calendar.window.*} keys bind, and each overrides its default only. */
class CalendarConfigTest {

    @Test
    void withoutSettingsTheHotlineDefaultsApply() {
        BusinessCalendar calendar = BusinessCalendarProducer.configured(mapping(Map.of()).window());

        BusinessCalendar defaults = BusinessCalendar.hotlineDefault();
        assertThat(calendar.window()).isEqualTo(defaults.window());
        assertThat(calendar.includeFederalHolidays()).isTrue();
        assertThat(calendar.closures()).isEmpty();
    }

    @Test
    void eachDocumentedKeyOverridesItsDefaultOnly() {
        CalendarConfig config = mapping(Map.of(
                "hotline.calendar.window.zone", "America/Los_Angeles",
                "hotline.calendar.window.days", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY",
                "hotline.calendar.window.opens", "08:00",
                "hotline.calendar.window.federal-holidays", "false"));

        BusinessCalendar calendar = BusinessCalendarProducer.configured(config.window());

        assertThat(calendar.zone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(calendar.window().days()).contains(DayOfWeek.SATURDAY).hasSize(6);
        assertThat(calendar.window().opens()).isEqualTo(LocalTime.of(8, 0));
        assertThat(calendar.window().closes()).isEqualTo(LocalTime.of(19, 0));
        assertThat(calendar.includeFederalHolidays()).isFalse();
    }

    @Test
    void aBlankZoneIsNoValue() {
        assertThat(mapping(Map.of("hotline.calendar.window.zone", " ")).window().zone()).isEmpty();
    }

    private static CalendarConfig mapping(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(CalendarConfig.class)
                .build();
        return config.getConfigMapping(CalendarConfig.class);
    }
}
