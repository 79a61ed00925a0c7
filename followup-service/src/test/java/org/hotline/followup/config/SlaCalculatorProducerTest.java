package org.hotline.followup.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.hotline.calendar.BusinessCalendar;
import org.hotline.calendar.SlaPolicy;
import org.junit.jupiter.api.Test;

class SlaCalculatorProducerTest {

    @Test
    void withoutSettingsTheHotlineDefaultsApply() {
        BusinessCalendar calendar = SlaCalculatorProducer.calendar(window(null, null, null, null, null));
        BusinessCalendar defaults = BusinessCalendar.hotlineDefault();
        assertThat(calendar.window()).isEqualTo(defaults.window());
        assertThat(calendar.includeFederalHolidays()).isTrue();
        assertThat(SlaCalculatorProducer.policy(sla(null, null))).isEqualTo(SlaPolicy.hotlineDefault());
    }

    @Test
    void eachSettingOverridesItsDefaultOnly() {
        BusinessCalendar calendar = SlaCalculatorProducer.calendar(
                window(ZoneId.of("America/Los_Angeles"), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY),
                        LocalTime.of(8, 0), null, false));
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(calendar.window().days()).contains(DayOfWeek.SATURDAY);
        assertThat(calendar.window().opens()).isEqualTo(LocalTime.of(8, 0));
        assertThat(calendar.window().closes()).isEqualTo(LocalTime.of(19, 0));
        assertThat(calendar.includeFederalHolidays()).isFalse();

        SlaPolicy policy = SlaCalculatorProducer.policy(sla(null, Duration.ofHours(40)));
        assertThat(policy.target()).isEqualTo(Duration.ofHours(20));
        assertThat(policy.breach()).isEqualTo(Duration.ofHours(40));
    }

    private static FollowupConfig.Window window(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes,
            Boolean federalHolidays) {
        return new FollowupConfig.Window() {
            public Optional<ZoneId> zone() {
                return Optional.ofNullable(zone);
            }

            public Optional<Set<DayOfWeek>> days() {
                return Optional.ofNullable(days);
            }

            public Optional<LocalTime> opens() {
                return Optional.ofNullable(opens);
            }

            public Optional<LocalTime> closes() {
                return Optional.ofNullable(closes);
            }

            public Optional<Boolean> federalHolidays() {
                return Optional.ofNullable(federalHolidays);
            }
        };
    }

    private static FollowupConfig.Sla sla(Duration target, Duration breach) {
        return new FollowupConfig.Sla() {
            public Optional<Duration> target() {
                return Optional.ofNullable(target);
            }

            public Optional<Duration> breach() {
                return Optional.ofNullable(breach);
            }
        };
    }
}
