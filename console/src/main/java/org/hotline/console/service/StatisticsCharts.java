package org.hotline.console.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hotline.console.client.Statistics;

/**
 * Bar charts of a statistics report, drawn as SVG geometry on the server (no script, no library). Each figure's
 * chart shows, per value, the sum of the counts shown over the chosen periods; a period whose cell was suppressed
 * adds nothing and is counted beside it, so the chart never suggests a number the service withheld. The same numbers
 * go into the data table beside each chart.
 */
public final class StatisticsCharts {

    /** Figures in the order shown, with their headings. */
    public static final Map<String, String> HEADINGS = new LinkedHashMap<>();

    static {
        HEADINGS.put("contactsByCallType", "Contacts by call type");
        HEADINGS.put("contactsByCallerType", "Contacts by caller type");
        HEADINGS.put("contactsByChannel", "Contacts by channel");
        HEADINGS.put("contactsByUrgency", "Contacts by urgency");
        HEADINGS.put("tipsByTraffickingType", "Tips by trafficking type");
        HEADINGS.put("referralsIssuedByNeed", "Referrals issued by need");
        HEADINGS.put("referralsAcknowledgedByNeed", "Referrals acknowledged by need");
        HEADINGS.put("referralsEscalatedByNeed", "Referrals escalated by need");
        HEADINGS.put("followups", "Follow-ups");
    }

    static final int WIDTH = 640;
    static final int LABEL_WIDTH = 230;
    static final int BAR_HEIGHT = 18;
    static final int GAP = 6;

    private StatisticsCharts() {
    }

    /** One bar: a value, the sum shown, how many periods withheld it, and where it is drawn. */
    public record Bar(String label, long shown, int withheldPeriods, String display, int y, int width, int textY) {
    }

    /** One chart and its data table. */
    public record Chart(String id, String heading, int width, int height, int labelWidth, int barHeight,
            List<Bar> bars) {
    }

    /** One period's median time to first response, for the table of medians. */
    public record MedianRow(String start, String end, String display) {
    }

    public static List<Chart> charts(Statistics report) {
        List<Chart> charts = new ArrayList<>();
        for (Map.Entry<String, String> figure : HEADINGS.entrySet()) {
            Map<String, long[]> sums = new LinkedHashMap<>();
            for (Statistics.Period period : report.periods()) {
                for (Statistics.Cell cell : period.figures().getOrDefault(figure.getKey(), List.of())) {
                    long[] sum = sums.computeIfAbsent(cell.value(), v -> new long[2]);
                    if (cell.count() != null) {
                        sum[0] += cell.count();
                    } else {
                        sum[1]++;
                    }
                }
            }
            long max = Math.max(1, sums.values().stream().mapToLong(s -> s[0]).max().orElse(1));
            List<Bar> bars = new ArrayList<>();
            int y = 0;
            int plot = WIDTH - LABEL_WIDTH - 90;
            for (Map.Entry<String, long[]> value : sums.entrySet()) {
                long shown = value.getValue()[0];
                int withheld = (int) value.getValue()[1];
                String display = shown + (withheld > 0 ? " (+ " + withheld + " period" + (withheld == 1 ? "" : "s")
                        + " withheld)" : "");
                bars.add(new Bar(label(value.getKey()), shown, withheld, display, y,
                        (int) Math.round(plot * (double) shown / max), y + BAR_HEIGHT - 4));
                y += BAR_HEIGHT + GAP;
            }
            charts.add(new Chart("chart-" + figure.getKey(), figure.getValue(), WIDTH, Math.max(y, BAR_HEIGHT),
                    LABEL_WIDTH, BAR_HEIGHT, bars));
        }
        return charts;
    }

    public static List<MedianRow> medians(Statistics report) {
        return report.periods().stream().map(p -> new MedianRow(p.start(), p.end(), p.firstResponse().display()))
                .toList();
    }

    /** A vocabulary code as words: {@code COMMUNITY_MEMBER} → "Community member". */
    static String label(String code) {
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? code : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
