package org.hotline.directory;

import java.time.DayOfWeek;

/** A day of the week as the directory and its events spell it: {@code MON} to {@code SUN}. */
public enum Weekday {
    MON, TUE, WED, THU, FRI, SAT, SUN;

    /** The day for an iCal code ({@code MO}..{@code SU}, as HSDS's {@code byday} spells days), or null. */
    public static Weekday ofIcal(String code) {
        for (Weekday day : values()) {
            if (day.name().substring(0, 2).equals(code)) {
                return day;
            }
        }
        return null;
    }

    public DayOfWeek toDayOfWeek() {
        return DayOfWeek.of(ordinal() + 1);
    }
}
