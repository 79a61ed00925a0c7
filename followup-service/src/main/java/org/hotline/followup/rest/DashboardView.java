package org.hotline.followup.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hotline.contracts.vocabulary.CallType;
import org.hotline.followup.Followup;
import org.hotline.followup.service.FollowupBacklog;

/**
 * What the operations dashboard shows: the backlog counts, the age chart, the open follow-ups by call type and the most
 * urgent open follow-ups. Everything is computed here, on the server, so the page is complete without JavaScript; the
 * dashboard script later refreshes the same elements from {@code /api/v1/followups/backlog}.
 */
public record DashboardView(String asOf, String asOfIso, long open, long atRisk, long breached,
        long dueNextBusinessDay, List<AgeBar> ageBars, String ageSummary, List<CallTypeCount> byCallType,
        List<UrgentRow> urgent) {

    /** Width in SVG units of the longest bar; the script uses the same scale. */
    static final int BAR_MAX_WIDTH = 360;

    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '(UTC'xxx')'",
            Locale.ENGLISH);
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    /** Height of the age chart in SVG units: one row per bucket. */
    public int chartHeight() {
        return ageBars.size() * AgeChart.ROW;
    }

    /** One bar of the age chart: a bucket of business hours since the clock started. */
    public record AgeBar(String bucket, String label, long count, int width, int y) {

        /** Where the count is written: just right of the bar. */
        public int valueX() {
            return AgeChart.BARS_X + width + 6;
        }

        public int textY() {
            return y + 17;
        }
    }

    /** Geometry of the age chart, shared by the template and the script's scale. */
    public static final class AgeChart {
        public static final int BARS_X = 80;
        static final int ROW = 36;

        private AgeChart() {
        }
    }

    /** Open follow-ups of one call type. */
    public record CallTypeCount(String callType, String label, long count) {
    }

    /** A row of the urgent table. {@code state} is said in words, never by colour alone. */
    public record UrgentRow(String reference, String contactUrl, String callType, String channel, String target,
            String targetIso, String breach, String breachIso, String state, String stateClass) {
    }

    static DashboardView of(FollowupBacklog.Summary backlog, List<Followup> urgent, String intakeUrl, ZoneId zone) {
        long longest = backlog.byAge().values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<AgeBar> bars = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        for (Map.Entry<String, Long> age : backlog.byAge().entrySet()) {
            long count = age.getValue();
            int width = longest == 0 ? 0 : (int) Math.round((double) count * BAR_MAX_WIDTH / longest);
            String label = ageLabel(age.getKey());
            bars.add(new AgeBar(age.getKey(), label, count, width, bars.size() * AgeChart.ROW));
            summary.add(label + ": " + count);
        }
        List<CallTypeCount> types = backlog.byCallType().entrySet().stream()
                .map(e -> new CallTypeCount(e.getKey().name(), callTypeLabel(e.getKey()), e.getValue())).toList();
        String base = intakeUrl.endsWith("/") ? intakeUrl.substring(0, intakeUrl.length() - 1) : intakeUrl;
        List<UrgentRow> rows = urgent.stream().map(f -> row(f, backlog.asOf(), base, zone)).toList();
        return new DashboardView(AS_OF.format(backlog.asOf().atZone(zone)),
                FollowupView.at(backlog.asOf(), zone).toString(), backlog.open(), backlog.atRisk(),
                backlog.breached(), backlog.dueNextBusinessDay(), bars, String.join(", ", summary), types, rows);
    }

    private static UrgentRow row(Followup f, Instant now, String intakeBase, ZoneId zone) {
        String state;
        String stateClass;
        if (f.isBreached(now)) {
            state = "Breached";
            stateClass = "state-breached";
        } else if (f.isAtRisk(now)) {
            state = "At risk";
            stateClass = "state-at-risk";
        } else {
            state = "Open";
            stateClass = "state-open";
        }
        return new UrgentRow(f.reference(),
                intakeBase + "/api/v1/contacts/" + URLEncoder.encode(f.reference(), StandardCharsets.UTF_8)
                        .replace("+", "%20"),
                callTypeLabel(f.callType()), f.channel().name().replace('_', ' ').toLowerCase(Locale.ENGLISH),
                DEADLINE.format(f.targetAt().atZone(zone)), FollowupView.at(f.targetAt(), zone).toString(),
                DEADLINE.format(f.breachAt().atZone(zone)), FollowupView.at(f.breachAt(), zone).toString(),
                state, stateClass);
    }

    /** "0-10h" reads "0–10 h"; the script words the buckets the same way. */
    static String ageLabel(String bucket) {
        return bucket.replace("-", "–").replace("h", " h");
    }

    static String callTypeLabel(CallType type) {
        return switch (type) {
            case CRISIS -> "Crisis";
            case TIP -> "Tip";
            case TRAINING_TA -> "Training / TA";
            case REFERRAL_REQUEST -> "Referral request";
            case GENERAL_INFO -> "General information";
            case RELATED -> "Related";
        };
    }
}
