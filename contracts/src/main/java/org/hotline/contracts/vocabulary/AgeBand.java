package org.hotline.contracts.vocabulary;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The age band of the person the contact is about, when the agent or the reporter records one (optional). Spelled on
 * the wire as the design's vocabulary has it ({@code UNDER_12}, {@code 12_17}, {@code 18_24}, {@code ADULT},
 * {@code UNKNOWN}); Java names cannot start with a digit, hence the {@code AGE_} prefix of two constants.
 */
public enum AgeBand {
    UNDER_12("UNDER_12"),
    AGE_12_17("12_17"),
    AGE_18_24("18_24"),
    ADULT("ADULT"),
    UNKNOWN("UNKNOWN");

    private final String spelling;

    AgeBand(String spelling) {
        this.spelling = spelling;
    }

    /** As on the wire and in configuration, e.g. {@code 12_17}. */
    @JsonValue
    public String spelling() {
        return spelling;
    }

    /** The band spelled so; an unknown spelling is an {@link IllegalArgumentException} naming the valid ones. */
    @JsonCreator
    public static AgeBand ofSpelling(String spelling) {
        return Arrays.stream(values()).filter(b -> b.spelling.equals(spelling)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown age band " + spelling + " (one of "
                        + Arrays.stream(values()).map(AgeBand::spelling).toList() + ")"));
    }

    /** The wire spelling, so messages listing the valid bands spell them as a client must send them. */
    @Override
    public String toString() {
        return spelling;
    }

    /** Whether the band says anything about the person's age. */
    public boolean known() {
        return this != UNKNOWN;
    }
}
