package org.hotline.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.followup.FollowupTestSupport.PATIENCE;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.contracts.Topics;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;

/** With the scheduled sweep switched on (every second), an overdue follow-up raises its events by itself. */
@QuarkusTest
@TestProfile(DeadlineSweepJobTest.SweepEverySecond.class)
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class DeadlineSweepJobTest {

    /** The deployed configuration's sweep, at the scheduler's fastest pace. */
    public static class SweepEverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hotline.followup.deadlines.every", "1s");
        }
    }

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void theScheduledSweepRaisesAtRiskThenBreached() throws SQLException {
        UUID id = UUID.randomUUID();
        Instant past = Instant.now().minus(Duration.ofDays(4));
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO followup.followup (id, reference, call_type, channel, received_at, clock_starts_at,
                            target_at, breach_at, status)
                        VALUES (?, ?, 'TIP', 'EMAIL', ?, ?, ?, ?, 'OPEN')""")) {
            insert.setObject(1, id);
            insert.setString(2, Decisions.reference(ContactKind.TIP));
            insert.setTimestamp(3, Timestamp.from(past));
            insert.setTimestamp(4, Timestamp.from(past));
            insert.setTimestamp(5, Timestamp.from(past.plus(Duration.ofDays(2))));
            insert.setTimestamp(6, Timestamp.from(past.plus(Duration.ofDays(3))));
            insert.executeUpdate();
        }
        List<ConsumerRecord<String, String>> events = kafka.await(Topics.FOLLOWUPS, r -> id.toString().equals(r.key()),
                2, PATIENCE);
        assertThat(events).extracting(r -> KafkaTestClient.header(r, CloudEventHeaders.TYPE))
                .containsExactly("hotline.followup.at-risk", "hotline.followup.breached");
    }
}
