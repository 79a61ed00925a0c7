package org.hotline.followup;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.CallerType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.Urgency;

/**
 * The figures the statistics read model counts, each broken down by one value (a call type, a need...). The name is
 * what the API, the CSV and the cell table call it. {@link #FIRST_RESPONSE_QUARTER_HOURS} is never shown itself: it
 * is the histogram the median time to first response is read from.
 */
public enum StatisticsFigure {

    CONTACTS_BY_CALL_TYPE("contactsByCallType", names(CallType.values())),
    CONTACTS_BY_CALLER_TYPE("contactsByCallerType", withUnknown(names(CallerType.values()))),
    CONTACTS_BY_CHANNEL("contactsByChannel", names(Channel.values())),
    CONTACTS_BY_URGENCY("contactsByUrgency", names(Urgency.values())),
    /** An open set of values: the trafficking typology grows, and a value read is counted as it is. */
    TIPS_BY_TRAFFICKING_TYPE("tipsByTraffickingType", List.of()),
    REFERRALS_ISSUED_BY_NEED("referralsIssuedByNeed", names(Need.values())),
    REFERRALS_ACKNOWLEDGED_BY_NEED("referralsAcknowledgedByNeed", names(Need.values())),
    REFERRALS_ESCALATED_BY_NEED("referralsEscalatedByNeed", names(Need.values())),
    FOLLOWUPS("followups", List.of(Followups.COMPLETED_WITHIN_TARGET, Followups.COMPLETED_AFTER_TARGET,
            Followups.BREACHED)),
    FIRST_RESPONSE_QUARTER_HOURS("firstResponseQuarterHours", List.of());

    /** The values of {@link #FOLLOWUPS}. */
    public static final class Followups {
        public static final String COMPLETED_WITHIN_TARGET = "COMPLETED_WITHIN_TARGET";
        public static final String COMPLETED_AFTER_TARGET = "COMPLETED_AFTER_TARGET";
        public static final String BREACHED = "BREACHED";

        private Followups() {
        }
    }

    /** The value counted when an event does not say (no caller type, no trafficking type). */
    public static final String UNKNOWN = "UNKNOWN";

    private final String key;
    private final List<String> knownValues;

    StatisticsFigure(String key, List<String> knownValues) {
        this.key = key;
        this.knownValues = knownValues;
    }

    public String key() {
        return key;
    }

    /** Values always listed, zero when nothing was counted (an open figure lists only what it counted). */
    public List<String> knownValues() {
        return knownValues;
    }

    /** The figures a report shows, in order (the histogram is shown only as its median). */
    public static List<StatisticsFigure> shown() {
        return Arrays.stream(values()).filter(f -> f != FIRST_RESPONSE_QUARTER_HOURS).toList();
    }

    public static Optional<StatisticsFigure> ofKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<String> withUnknown(List<String> values) {
        return values.contains(UNKNOWN) ? values
                : java.util.stream.Stream.concat(values.stream(), java.util.stream.Stream.of(UNKNOWN)).toList();
    }
}
