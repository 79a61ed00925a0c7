package org.hotline.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hotline.console.client.Decision;
import org.hotline.console.client.DirectoryApi;
import org.hotline.console.client.Organization;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.Urgency;
import org.junit.jupiter.api.Test;

class NumbersToGiveTest {

    private static final UUID TASK_FORCE = UUID.randomUUID();
    private static final UUID HOTLINE = UUID.randomUUID();
    /** Wednesday 2 December 2026, 22:30 UTC: 17:30 in New York, 14:30 in Los Angeles. */
    private static final Instant NOW = Instant.parse("2026-12-02T22:30:00Z");

    /** The directory's answer for two organisations; any other is unknown to it. */
    private static final DirectoryApi DIRECTORY = new DirectoryApi() {
        @Override
        public Organization organization(UUID id) {
            if (id.equals(TASK_FORCE)) {
                return organisation(id, "1-888-428-7581", new Organization.Hours("America/New_York", false,
                        List.of(new Organization.Weekly(Set.of("MON", "TUE", "WED", "THU", "FRI"), "09:00", "17:00")),
                        Set.of()));
            }
            if (id.equals(HOTLINE)) {
                return organisation(id, "1-888-373-7888", new Organization.Hours("America/Los_Angeles", true, List.of(),
                        Set.of(LocalDate.of(2026, 12, 25))));
            }
            throw new jakarta.ws.rs.NotFoundException();
        }

        @Override
        public org.hotline.console.client.ResultPage<Organization> search(String q, String state, String need,
                int page, int size) {
            throw new UnsupportedOperationException("the numbers never search");
        }

        @Override
        public org.hotline.console.client.ResultPage<Organization> verificationDue(int page, int size) {
            throw new UnsupportedOperationException("the numbers never list verifications");
        }

        @Override
        public com.fasterxml.jackson.databind.node.ObjectNode document(UUID id) {
            throw new UnsupportedOperationException("the numbers never edit");
        }

        @Override
        public com.fasterxml.jackson.databind.node.ObjectNode replace(UUID id, String ifMatch,
                com.fasterxml.jackson.databind.node.ObjectNode organization) {
            throw new UnsupportedOperationException("the numbers never edit");
        }
    };

    private static Organization organisation(UUID id, String phone, Organization.Hours hours) {
        return new Organization(id, "org", "", false, false, List.of(), List.of(), LocalDate.of(2026, 11, 1),
                List.of(new Organization.Service(UUID.randomUUID(), "line", Set.of("LAW_ENFORCEMENT"), phone, hours,
                        null)), 0L);
    }

    private static Decision.Referral referral(UUID organisation, String phone, boolean fallback) {
        return new Decision.Referral(UUID.randomUUID(), organisation, "org", phone, Need.LAW_ENFORCEMENT, fallback,
                "reason");
    }

    @Test
    void eachNumberIsOpenOrClosedInItsOwnZoneAndUnknownHoursAreSaidSo() {
        Decision decision = new Decision("HT-1", Urgency.URGENT, Handling.IMMEDIATE, true, true, List.of(
                referral(TASK_FORCE, "1-888-428-7581", false), referral(HOTLINE, "1-888-373-7888", true),
                referral(UUID.randomUUID(), "555", false)), List.of(), NOW);

        List<NumberToGive> numbers = new NumbersToGive(DIRECTORY, Clock.fixed(NOW, ZoneOffset.UTC)).of(decision);

        assertThat(numbers).extracting(NumberToGive::openNow).containsExactly(false, true, null);
        assertThat(numbers.get(0).localTime()).isEqualTo("Wed 17:30");
        assertThat(numbers.get(0).timeZone()).isEqualTo("America/New_York");
        assertThat(numbers.get(1).localTime()).isEqualTo("Wed 14:30");
        assertThat(numbers.get(1).referral().fallback()).isTrue();
        assertThat(numbers.get(2).hoursKnown()).isFalse();
    }
}
