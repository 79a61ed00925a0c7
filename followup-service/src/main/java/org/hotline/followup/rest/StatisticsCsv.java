package org.hotline.followup.rest;

import java.util.List;
import java.util.Map;

import org.hotline.followup.service.StatisticsReport.Cell;
import org.hotline.followup.service.StatisticsReport.Period;

/** Statistics as CSV (RFC 4180): one line per period, state, figure and value, counts as shown (suppressed). */
final class StatisticsCsv {

    static final String MEDIAN = "medianBusinessHoursToFirstResponse";

    private StatisticsCsv() {
    }

    static String header() {
        return "period_start,period_end,state,figure,value,count\r\n";
    }

    static void append(StringBuilder csv, String state, List<Period> periods) {
        for (Period period : periods) {
            for (Map.Entry<String, List<Cell>> figure : period.figures().entrySet()) {
                for (Cell cell : figure.getValue()) {
                    line(csv, period, state, figure.getKey(), cell.value(), cell.display());
                }
            }
            String median = period.firstResponse().businessHours() == null ? period.firstResponse().display()
                    : String.valueOf(period.firstResponse().businessHours());
            line(csv, period, state, MEDIAN, "", median);
        }
    }

    private static void line(StringBuilder csv, Period period, String state, String figure, String value,
            String count) {
        csv.append(period.start()).append(',').append(period.end()).append(',').append(field(state)).append(',')
                .append(field(figure)).append(',').append(field(value)).append(',').append(field(count))
                .append("\r\n");
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        // A leading =, +, - or @ would be read as a formula by spreadsheets.
        String safe = value.matches("^[=+\\-@].*") && !value.matches("^-?\\d.*") ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
