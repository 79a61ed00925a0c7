package org.hotline.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One U.S. federal holiday occurrence.
 *
 * @param name         the name used by the Office of Personnel Management, e.g. {@code "Columbus Day"}
 * @param actualDate   the date the holiday falls on by law
 * @param observedDate the day federal offices close for it; differs from {@code actualDate} when a
 *                     fixed-date holiday falls on a weekend (Saturday → Friday before, Sunday → Monday after)
 */
public record FederalHoliday(String name, LocalDate actualDate, LocalDate observedDate) {

    public FederalHoliday {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(actualDate, "actualDate");
        Objects.requireNonNull(observedDate, "observedDate");
    }

    /** Whether the holiday is observed on a different day than it falls on. */
    public boolean isShifted() {
        return !actualDate.equals(observedDate);
    }
}
