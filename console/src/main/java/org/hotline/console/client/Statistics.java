package org.hotline.console.client;

import java.util.List;
import java.util.Map;

/**
 * followup-service's statistics report: per period, each figure's values as shown there (a suppressed cell has no
 * count, only its display "&lt;5" or "x"), and the median business hours to first response.
 */
public record Statistics(String from, String to, String granularity, String state, int threshold,
        List<Period> periods) {

    public record Period(String start, String end, Map<String, List<Cell>> figures, Median firstResponse) {
    }

    public record Cell(String value, Long count, String display, String suppressed) {
    }

    public record Median(Double businessHours, String display, boolean suppressed) {
    }
}
