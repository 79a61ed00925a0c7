package org.hotline.followup.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Statistics as they may leave the service: small counts already suppressed (a suppressed cell has no count, only
 * its display, "&lt;5" or "x"). {@code state} is null for every state together.
 */
public record StatisticsReport(LocalDate from, LocalDate to, String granularity, String state, int threshold,
        List<Period> periods) {

    /** One day, ISO week or month: each figure's values, and the median time to first response. */
    public record Period(LocalDate start, LocalDate end, Map<String, List<Cell>> figures, Median firstResponse) {
    }

    /**
     * One value of a figure. {@code suppressed}: null (shown), {@code BELOW_THRESHOLD} or {@code COMPLEMENTARY}
     * (withheld so that a small count cannot be worked out from the others and a total).
     */
    public record Cell(String value, Long count, String display, String suppressed) {
    }

    /**
     * The median business hours from a follow-up's clock start to its completion, over the follow-ups completed in
     * the period, to a quarter of an hour (the midpoint of its histogram bucket); withheld below the threshold of
     * responses.
     */
    public record Median(Double businessHours, String display, boolean suppressed) {
    }
}
