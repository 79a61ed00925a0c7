package org.hotline.platform.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;

/**
 * The hotline's business window, under {@code hotline.calendar}: the one setting every service reads (routing decides
 * in-hours or message-taken on it, follow-up counts its SLA in it). Every setting is optional: unset, it keeps
 * {@code BusinessCalendar.hotlineDefault()} (Monday to Friday 09:00-19:00 America/New_York, federal holidays closed).
 * Operator closures are not configuration: follow-up owns them and publishes them on
 * {@code hotline.calendar.closures.v1}.
 */
@ConfigMapping(prefix = "hotline.calendar")
public interface CalendarConfig {

    Window window();

    interface Window {

        /** The zone whose wall clock the window follows, daylight saving included, e.g. America/New_York. */
        Optional<@WithConverter(ZoneIdSetting.class) ZoneId> zone();

        /** Working days, e.g. MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY. */
        Optional<Set<DayOfWeek>> days();

        /** First open local time, e.g. 09:00. */
        Optional<LocalTime> opens();

        /** First closed local time, e.g. 19:00. */
        Optional<LocalTime> closes();

        /** Whether observed U.S. federal holidays are closed days. */
        Optional<Boolean> federalHolidays();
    }
}
