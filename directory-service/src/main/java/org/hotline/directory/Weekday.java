package org.hotline.directory;

import java.time.DayOfWeek;

/** A day of the week as the directory and its events spell it: {@code MON} to {@code SUN}. */
public enum Weekday {
    MON, TUE, WED, THU, FRI, SAT, SUN;

    public DayOfWeek toDayOfWeek() {
        return DayOfWeek.of(ordinal() + 1);
    }
}
