package org.hotline.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.followup.FollowupTestSupport.PATIENCE;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.contracts.Topics;
import org.hotline.followup.service.DeadlineSweep;
import org.hotline.platform.outbox.OutboxWriter;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;

/**
 * At-risk and breached are raised exactly once per follow-up, with two sweeping instances over one database and
 * after a restart. The second instance is a second {@link DeadlineSweep} wired by hand to the same database; both
 * sweep at the same time on their own threads, each batch in its own transaction.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class DeadlineSweepTest {

    private static final String AT_RISK = "hotline.followup.at-risk";
    private static final String BREACHED = "hotline.followup.breached";

    @Inject
    EntityManager entityManager;
    @Inject
    OutboxWriter outbox;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry registry;
    @Inject
    DeadlineSweep restartedInstance;

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void twoInstancesRaiseEachEventExactlyOnceAndARestartRaisesNothingNew() throws Exception {
        // Microseconds, as PostgreSQL stores them (it rounds finer instants).
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant past = now.minus(Duration.ofDays(3));
        Instant recent = now.minus(Duration.ofHours(1));
        Instant future = now.plus(Duration.ofDays(2));
        double atRiskBefore = counter("hotline.followup.at-risk.raised");
        double breachedBefore = counter("hotline.followup.breached.raised");

        List<UUID> breached = insert(200, past, past.plus(Duration.ofDays(1)), false);
        List<UUID> atRiskOnly = insert(5, recent, future, false);
        List<UUID> completed = insert(5, past, past.plus(Duration.ofDays(1)), true);
        List<UUID> notDue = insert(5, future, future.plus(Duration.ofDays(1)), false);
        Set<String> keys = new HashSet<>();
        for (List<UUID> ids : List.of(breached, atRiskOnly, completed, notDue)) {
            ids.forEach(id -> keys.add(id.toString()));
        }

        DeadlineSweep first = new DeadlineSweep(entityManager, outbox, clock, 10, registry);
        DeadlineSweep second = new DeadlineSweep(entityManager, outbox, clock, 10, registry);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<DeadlineSweep.Result>> runs = new ArrayList<>();
            for (DeadlineSweep instance : List.of(first, second)) {
                runs.add(threads.submit(() -> {
                    start.await();
                    return instance.sweep();
                }));
            }
            start.countDown();
            int raised = 0;
            for (Future<DeadlineSweep.Result> run : runs) {
                DeadlineSweep.Result result = run.get();
                raised += result.atRisk() + result.breached();
            }
            // Other test classes' overdue follow-ups may be swept too; ours alone are 200 x 2 + 5.
            assertThat(raised).isGreaterThanOrEqualTo(405);
        } finally {
            threads.shutdownNow();
        }

        Map<String, List<ConsumerRecord<String, String>>> events = eventsByKeyOnceRelayed(keys, 405);
        for (UUID id : breached) {
            List<ConsumerRecord<String, String>> mine = events.get(id.toString());
            assertThat(mine).extracting(r -> KafkaTestClient.header(r, CloudEventHeaders.TYPE))
                    .as("events of follow-up %s, in order", id).containsExactly(AT_RISK, BREACHED);
        }
        for (UUID id : atRiskOnly) {
            assertThat(events.get(id.toString())).extracting(r -> KafkaTestClient.header(r, CloudEventHeaders.TYPE))
                    .containsExactly(AT_RISK);
        }
        for (UUID id : completed) {
            assertThat(events.get(id.toString())).isNull();
        }
        for (UUID id : notDue) {
            assertThat(events.get(id.toString())).isNull();
        }
        assertThat(counter("hotline.followup.at-risk.raised") - atRiskBefore).isGreaterThanOrEqualTo(205);
        assertThat(counter("hotline.followup.breached.raised") - breachedBefore).isGreaterThanOrEqualTo(200);

        JsonNode atRisk = json.readTree(events.get(breached.get(0).toString()).get(0).value());
        assertThat(atRisk.get("followupId").asText()).isEqualTo(breached.get(0).toString());
        assertThat(Instant.parse(atRisk.get("targetAt").asText())).isEqualTo(past);
        assertThat(Instant.parse(atRisk.get("raisedAt").asText())).isAfterOrEqualTo(now.minusSeconds(1));
        Map<UUID, Instant[]> stamps = raisedStamps(breached);
        assertThat(stamps.values()).allSatisfy(s -> assertThat(s).doesNotContainNull());

        // A restart: a fresh instance sweeps the same database; everything due was raised already.
        restartedInstance.sweep();
        Map<String, List<ConsumerRecord<String, String>>> afterRestart = eventsByKeyOnceRelayed(keys, 405);
        assertThat(afterRestart.values().stream().mapToInt(List::size).sum()).isEqualTo(405);
        assertThat(raisedStamps(breached)).usingRecursiveComparison().isEqualTo(stamps);
    }

    @Test
    void aCompletedFollowupIsNeverRaisedAndTheOpenOneOnlyOnce() throws Exception {
        Instant past = Instant.now().truncatedTo(ChronoUnit.MICROS).minus(Duration.ofDays(5));
        List<UUID> open = insert(1, past, past.plus(Duration.ofHours(30)), false);
        List<UUID> done = insert(1, past, past.plus(Duration.ofHours(30)), true);
        restartedInstance.sweep();
        restartedInstance.sweep();
        Set<String> keys = Set.of(open.get(0).toString(), done.get(0).toString());
        Map<String, List<ConsumerRecord<String, String>>> events = eventsByKeyOnceRelayed(keys, 2);
        assertThat(events).containsOnlyKeys(open.get(0).toString());
        assertThat(events.get(open.get(0).toString())).hasSize(2);
        assertThat(raisedStamps(done).get(done.get(0))).containsOnlyNulls();
    }

    /** Waits until {@code expected} events for {@code keys} are on the topic and none wait in the outbox. */
    private Map<String, List<ConsumerRecord<String, String>>> eventsByKeyOnceRelayed(Set<String> keys, int expected)
            throws SQLException {
        assertThat(kafka.await(Topics.FOLLOWUPS, r -> keys.contains(r.key()), expected, PATIENCE)).hasSize(expected);
        await().atMost(PATIENCE).until(() -> outboxRowsFor(keys) == 0);
        Map<String, List<ConsumerRecord<String, String>>> byKey = new HashMap<>();
        for (ConsumerRecord<String, String> record : kafka.readAll(Topics.FOLLOWUPS, r -> keys.contains(r.key()))) {
            byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
        }
        return byKey;
    }

    private double counter(String name) {
        var counter = registry.find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Inserts follow-ups straight into the table, as the scheduler would have stored them. */
    private static List<UUID> insert(int count, Instant target, Instant breach, boolean completed)
            throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO followup.followup (id, reference, call_type, channel, received_at, clock_starts_at,
                            target_at, breach_at, status, completed_at)
                        VALUES (?, ?, 'TIP', 'WEB_FORM', ?, ?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                Timestamp start = Timestamp.from(target.minus(Duration.ofDays(2)));
                insert.setObject(1, id);
                insert.setString(2, Decisions.reference(org.hotline.contracts.vocabulary.ContactKind.TIP));
                insert.setTimestamp(3, start);
                insert.setTimestamp(4, start);
                insert.setTimestamp(5, Timestamp.from(target));
                insert.setTimestamp(6, Timestamp.from(breach));
                insert.setString(7, completed ? "COMPLETED" : "OPEN");
                insert.setTimestamp(8, completed ? Timestamp.from(target.minusSeconds(60)) : null);
                insert.addBatch();
                ids.add(id);
            }
            insert.executeBatch();
        }
        return ids;
    }

    private static Map<UUID, Instant[]> raisedStamps(List<UUID> ids) throws SQLException {
        Map<UUID, Instant[]> stamps = new HashMap<>();
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement select = c.prepareStatement("SELECT id, at_risk_raised_at, breached_raised_at "
                        + "FROM followup.followup WHERE id = ANY (?)")) {
            select.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    stamps.put(rs.getObject(1, UUID.class), new Instant[] {instant(rs.getTimestamp(2)),
                            instant(rs.getTimestamp(3))});
                }
            }
        }
        return stamps;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static long outboxRowsFor(Set<String> keys) throws SQLException {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT count(*) FROM followup.outbox WHERE record_key = ANY (?)")) {
            select.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
