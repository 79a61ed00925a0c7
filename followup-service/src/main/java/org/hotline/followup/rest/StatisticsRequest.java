package org.hotline.followup.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

import org.hotline.followup.service.StatisticsQuery;
import org.hotline.platform.rest.QueryParameters;

/** The range, granularity and state of a statistics request, read from its parameters (every bad one named). */
record StatisticsRequest(LocalDate from, LocalDate to, String granularity, String state) {

    /** At most this many periods in one answer (a year and a month of days). */
    static final int MAX_PERIODS = 400;
    private static final Pattern STATE = Pattern.compile("[A-Z]{2}|UNKNOWN");

    static StatisticsRequest read(String fromText, String toText, String granularityText, String stateText,
            Clock clock, ZoneId zone) {
        QueryParameters parameters = new QueryParameters();
        String granularity = parameters.oneOf("granularity", granularityText, StatisticsQuery.GRANULARITIES)
                .orElse("day");
        LocalDate to = parameters.date("to", toText).orElse(LocalDate.now(clock.withZone(zone)));
        LocalDate from = parameters.date("from", fromText).orElse(to.minusDays(29));
        String state = null;
        if (stateText != null && !stateText.isEmpty()) {
            state = stateText.toUpperCase(Locale.ROOT);
            if (!STATE.matcher(state).matches()) {
                parameters.reject("state", "must be a two-letter state code or UNKNOWN");
                state = null;
            }
        }
        if (from.isAfter(to)) {
            parameters.reject("to", "must not be before from");
        } else if (StatisticsQuery.periods(from, to, granularity) > MAX_PERIODS) {
            parameters.reject("from", "the range holds more than " + MAX_PERIODS + " periods of this granularity");
        }
        parameters.throwIfInvalid();
        return new StatisticsRequest(from, to, granularity, state);
    }
}
