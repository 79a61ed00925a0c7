package org.hotline.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.followup.FollowupTestSupport.count;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hotline.platform.inbox.ProcessedEventPurge;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.junit.jupiter.api.Test;

/** Ids of events applied before the retention window (30 days) are forgotten; later ones are kept. */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ProcessedEventPurgeTest {

    @Inject
    ProcessedEventPurge purge;

    @Test
    void idsOlderThanTheRetentionWindowArePurgedAndRecentOnesKept() throws Exception {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        insert(old, "now() - interval '31 days'");
        insert(recent, "now() - interval '29 days'");

        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);

        assertThat(count("SELECT count(*) FROM followup.processed_event WHERE event_id = ?", old)).isZero();
        assertThat(count("SELECT count(*) FROM followup.processed_event WHERE event_id = ?", recent)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM followup.processed_event WHERE processed_at < now() - ?::interval",
                "30 days")).isZero();
    }

    @Test
    void thePurgeFindsItsBatchThroughTheProcessedAtIndex() throws Exception {
        // A table this small is cheaper to scan, so the planner is told scans cost too much: the plan then shows
        // whether the purge's query can use the index at all (as it does once the table holds weeks of ids).
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                Statement statement = c.createStatement()) {
            c.setAutoCommit(false);
            statement.execute("SET LOCAL enable_seqscan = off");
            statement.execute("SET LOCAL search_path = followup");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = statement.executeQuery("EXPLAIN DELETE FROM processed_event WHERE ctid = ANY (ARRAY("
                    + "SELECT ctid FROM processed_event WHERE processed_at < now() - interval '30 days'"
                    + " ORDER BY processed_at LIMIT 5000))")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            c.rollback();
            assertThat(plan.toString()).contains("on processed_event_processed_at")
                    .contains("Index Cond: (processed_at <");
        }
    }

    private static void insert(UUID eventId, String processedAt) throws SQLException {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO followup.processed_event (consumer, "
                        + "event_id, processed_at) VALUES ('followup-decisions', ?, " + processedAt + ")")) {
            insert.setObject(1, eventId);
            insert.executeUpdate();
        }
    }
}
