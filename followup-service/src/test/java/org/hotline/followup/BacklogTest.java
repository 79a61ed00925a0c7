package org.hotline.followup;

import static org.hotline.followup.FollowupTestSupport.asSupervisor;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.hotline.calendar.SlaCalculator;
import org.hotline.calendar.SlaQuote;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.followup.service.FollowupBacklog;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The backlog summary over known follow-ups. The table is emptied first (other test classes left theirs), and the
 * summary is taken at a fixed moment: Wednesday 2026-12-02, 12:00 Eastern.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class BacklogTest {

    private static final Instant NOW = at("2026-12-02T12:00:00-05:00");

    @Inject
    FollowupBacklog backlog;
    @Inject
    SlaCalculator sla;

    @BeforeEach
    void knownFollowups() throws SQLException {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                Statement statement = c.createStatement()) {
            statement.executeUpdate("DELETE FROM followup.followup");
        }
        // 3 business hours old, target Thursday 19:00: due by the close of the next business day.
        insert(CallType.TIP, "2026-12-02T09:00:00-05:00", false);
        // 13 h: target Wednesday 19:00, due.
        insert(CallType.TIP, "2026-12-01T09:00:00-05:00", false);
        // Exactly 10 h (Tuesday 7 h + Wednesday 3 h): the 10-20h bucket; target Thursday 12:00, due.
        insert(CallType.GENERAL_INFO, "2026-12-01T12:00:00-05:00", false);
        // 23 h: target Tuesday 19:00 passed, breach Wednesday 19:00 not: at risk.
        insert(CallType.TIP, "2026-11-30T09:00:00-05:00", false);
        // 33 h (Friday after Thanksgiving is a working day): breached.
        insert(CallType.REFERRAL_REQUEST, "2026-11-27T09:00:00-05:00", false);
        // One minute: target Friday, not due by Thursday's close.
        insert(CallType.GENERAL_INFO, "2026-12-02T11:59:00-05:00", false);
        // Completed: not in the backlog at all.
        insert(CallType.CRISIS, "2026-11-27T09:00:00-05:00", true);
    }

    @Test
    void countsTheOpenFollowupsByDeadlineCallTypeAndBusinessAge() {
        FollowupBacklog.Summary summary = backlog.at(NOW);
        assertThat(summary.open()).isEqualTo(6);
        assertThat(summary.atRisk()).isEqualTo(1);
        assertThat(summary.breached()).isEqualTo(1);
        assertThat(summary.dueNextBusinessDay()).isEqualTo(3);
        assertThat(summary.byCallType()).containsEntry(CallType.TIP, 3L).containsEntry(CallType.GENERAL_INFO, 2L)
                .containsEntry(CallType.REFERRAL_REQUEST, 1L).containsEntry(CallType.CRISIS, 0L)
                .containsEntry(CallType.TRAINING_TA, 0L).containsEntry(CallType.RELATED, 0L);
        assertThat(summary.byAge()).containsExactly(Map.entry("0-10h", 2L), Map.entry("10-20h", 2L),
                Map.entry("20-30h", 1L), Map.entry("30h+", 1L));
    }

    @Test
    void theEndpointAnswersTheSummaryNow() {
        JsonPath body = asSupervisor().get("/api/v1/followups/backlog").then().statusCode(200).extract().jsonPath();
        assertThat(body.getLong("open")).isEqualTo(6);
        Map<String, Integer> byCallType = body.getMap("byCallType");
        assertThat(byCallType).hasSize(CallType.values().length);
        assertThat(byCallType.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
        Map<String, Integer> byAge = body.getMap("byAge");
        assertThat(byAge).containsOnlyKeys("0-10h", "10-20h", "20-30h", "30h+");
        assertThat(byAge.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
        assertThat(body.getString("asOf")).isNotBlank();
        assertThat(body.getLong("atRisk") + body.getLong("breached")).isLessThanOrEqualTo(6);
    }

    private void insert(CallType callType, String clockStartsAt, boolean completed) throws SQLException {
        Instant start = at(clockStartsAt);
        SlaQuote quote = sla.quote(start);
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO followup.followup (id, reference, call_type, channel, received_at, clock_starts_at,
                            target_at, breach_at, status, completed_at)
                        VALUES (?, ?, ?, 'WEB_FORM', ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, Decisions.reference(ContactKind.TIP));
            insert.setString(3, callType.name());
            insert.setTimestamp(4, Timestamp.from(start));
            insert.setTimestamp(5, Timestamp.from(quote.clockStartsAt().toInstant()));
            insert.setTimestamp(6, Timestamp.from(quote.targetAt().toInstant()));
            insert.setTimestamp(7, Timestamp.from(quote.breachAt().toInstant()));
            insert.setString(8, completed ? "COMPLETED" : "OPEN");
            insert.setTimestamp(9, completed ? Timestamp.from(NOW.minus(Duration.ofHours(1))) : null);
            insert.executeUpdate();
        }
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
