package org.hotline.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;

import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.rest.QueryParameters;
import org.junit.jupiter.api.Test;

class ContactListParametersTest {

    private final QueryParameters reported = new QueryParameters();
    private final ContactListParameters params = new ContactListParameters(reported, ZoneId.of("America/New_York"));

    @Test
    void aDateIsAWholeDayInTheHotlinesZoneAndAnInstantIsIncluded() {
        assertThat(params.from("receivedFrom", "2026-12-02")).isEqualTo(Instant.parse("2026-12-02T05:00:00Z"));
        assertThat(params.before("receivedTo", "2026-12-02")).isEqualTo(Instant.parse("2026-12-03T05:00:00Z"));
        assertThat(params.before("receivedTo", "2026-07-04")).isEqualTo(Instant.parse("2026-07-05T04:00:00Z"));
        assertThat(params.from("receivedFrom", "2026-12-02T09:00:00-05:00"))
                .isEqualTo(Instant.parse("2026-12-02T14:00:00Z"));
        // An unencoded '+' arrives as a space.
        assertThat(params.before("receivedTo", "2026-12-02T09:00:00 01:00"))
                .isEqualTo(Instant.parse("2026-12-02T08:00:00.000001Z"));
        assertThat(params.referencePrefix("reference", "tip-7k")).isEqualTo("TIP-7K");
        reported.throwIfInvalid();
    }

    @Test
    void anEmptyRangeNamesItsEnd() {
        Instant from = params.from("receivedFrom", "2026-12-03");
        Instant before = params.before("receivedTo", "2026-12-02");
        params.checkRange("receivedTo", from, before);
        assertThatThrownBy(reported::throwIfInvalid).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.toProblem(null).violations()).extracting("field").containsExactly("receivedTo"));
    }
}
