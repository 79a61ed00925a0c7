package org.hotline.routing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.hotline.calendar.OpeningHours;
import org.hotline.calendar.WeeklyHours;
import org.hotline.contracts.events.OrganizationUpserted;

/** Turns a directory service's published hours into the shared business calendar's {@link OpeningHours}. */
final class ServiceHours {

    private ServiceHours() {
    }

    /** The service's opening hours; a service without hours is treated as never open (it cannot promise to answer). */
    static OpeningHours of(OrganizationUpserted.Hours hours) {
        if (hours == null || hours.timeZone() == null) {
            return new OpeningHours(ZoneId.of("UTC"), false, List.of(), Set.of());
        }
        List<WeeklyHours> weekly = hours.weekly() == null ? List.of() : hours.weekly().stream()
                .filter(w -> w.days() != null && !w.days().isEmpty())
                .map(w -> new WeeklyHours(days(w.days()), LocalTime.parse(w.opens()), LocalTime.parse(w.closes())))
                .toList();
        return new OpeningHours(ZoneId.of(hours.timeZone()), hours.open24h(), weekly,
                hours.closedDates() == null ? Set.of() : hours.closedDates());
    }

    static boolean is24h(OrganizationUpserted.Hours hours) {
        return hours != null && hours.open24h();
    }

    private static Set<DayOfWeek> days(Set<String> days) {
        Set<DayOfWeek> result = EnumSet.noneOf(DayOfWeek.class);
        for (String day : days) {
            result.add(switch (day) {
                case "MON" -> DayOfWeek.MONDAY;
                case "TUE" -> DayOfWeek.TUESDAY;
                case "WED" -> DayOfWeek.WEDNESDAY;
                case "THU" -> DayOfWeek.THURSDAY;
                case "FRI" -> DayOfWeek.FRIDAY;
                case "SAT" -> DayOfWeek.SATURDAY;
                case "SUN" -> DayOfWeek.SUNDAY;
                default -> throw new IllegalArgumentException("unknown day of week in directory hours");
            });
        }
        return result;
    }
}
