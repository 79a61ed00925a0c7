package org.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.hotline.contracts.Topics;
import org.hotline.platform.outbox.OutboxSignal;
import org.hotline.testsupport.EmbeddedKafka;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The relay on a real broker and database: woken by a commit rather than its poll (which this profile sets to an hour,
 * so only a wake can relay), and a row the broker refuses (its topic does not exist) set aside while the rows of other
 * keys are delivered, then re-queued and delivered, with the row of its key that waited behind it, in order; a record
 * too large for its topic set aside the same way.
 */
@QuarkusTest
@TestProfile(OutboxRelayTest.RareRelayPolls.class)
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class OutboxRelayTest {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    /** The relay polls once an hour: what it relays sooner, it relays because it was woken. */
    public static class RareRelayPolls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hotline.outbox.poll-interval", "1h",
                    "hotline.outbox.max-attempts", "2",
                    "hotline.outbox.retry-backoff", "50ms");
        }
    }

    @Inject
    OutboxSignal signal;

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void aCommittedTipWakesTheRelayWhichPublishesItWithoutWaitingForItsPoll() {
        long wakesBefore = signal.wakesRelayed();

        String reference = given().contentType(ContentType.JSON).body("{\"description\": \"woken relay\"}")
                .post("/api/v1/tips").then().statusCode(202).extract().path("reference");

        List<ConsumerRecord<String, String>> published = kafka.await(Topics.INTAKE_TIPS,
                r -> reference.equals(r.key()), 1, PATIENCE);
        assertThat(published).hasSize(1);
        assertThat(signal.wakes()).isPositive();
        assertThat(signal.wakesRelayed()).isGreaterThan(wakesBefore);
    }

    @Test
    void aRowTheBrokerRefusesIsSetAsideWhileOtherKeysFlowAndIsDeliveredOnceRequeued() throws Exception {
        String missingTopic = "hotline.test.absent." + UUID.randomUUID() + ".v1";
        String heldKey = "held-" + UUID.randomUUID();
        String otherKey = "other-" + UUID.randomUUID();
        String laterKey = "later-" + UUID.randomUUID();
        UUID blocked = UUID.randomUUID();
        UUID behindBlocked = UUID.randomUUID();
        // Written by "another instance" (plain SQL, no commit of this one's to wake the relay): the test wakes it.
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection()) {
            c.setAutoCommit(false);
            insert(c, blocked, missingTopic, heldKey);
            insert(c, UUID.randomUUID(), Topics.INTAKE_TIPS, otherKey);
            insert(c, behindBlocked, missingTopic, heldKey);
            insert(c, UUID.randomUUID(), Topics.INTAKE_TIPS, laterKey);
            c.commit();
        }
        signal.wake();

        assertThat(kafka.await(Topics.INTAKE_TIPS, r -> otherKey.equals(r.key()) || laterKey.equals(r.key()), 2,
                PATIENCE)).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(otherKey, laterKey);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> setAside().getList(
                "items.eventId").contains(blocked.toString()));
        JsonPath listed = setAside();
        int index = listed.getList("items.eventId").indexOf(blocked.toString());
        assertThat(listed.getString("items[" + index + "].topic")).isEqualTo(missingTopic);
        assertThat(listed.getInt("items[" + index + "].attempts")).isEqualTo(2);
        assertThat(listed.getString("items[" + index + "].reason")).contains("does not exist");
        assertThat(listed.getLong("items[" + index + "].waitingBehind")).isEqualTo(1);
        assertThat(listed.getList("items.eventId")).doesNotContain(behindBlocked.toString());
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .containsPattern("(?m)^hotline_outbox_set_aside_total(\\{[^}]*})? [1-9]");

        EmbeddedKafka.shared().admin().createTopics(List.of(new NewTopic(missingTopic, 1, (short) 1))).all().get();
        long id = listed.getLong("items[" + index + "].id");
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/admin/outbox/set-aside/" + id + "/requeue")
                .then().statusCode(200);

        List<ConsumerRecord<String, String>> delivered = kafka.await(missingTopic, r -> heldKey.equals(r.key()), 2,
                PATIENCE);
        assertThat(delivered).extracting(r -> KafkaTestClient.header(r, "ce_id"))
                .containsExactly(blocked.toString(), behindBlocked.toString());
        assertThat(setAside().getList("items.eventId")).doesNotContain(blocked.toString());
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/admin/outbox/set-aside/" + id + "/requeue")
                .then().statusCode(404);
    }

    /**
     * A record larger than its topic accepts can never be published, however often it is retried: the broker's
     * refusal (record too large) sets it aside with that reason after the bounded attempts, and the row after it
     * under another key is delivered meanwhile.
     */
    @Test
    void aRecordTooLargeForItsTopicIsSetAsideWithItsReasonAndTheNextRowIsDelivered() throws Exception {
        String smallTopic = "hotline.test.small." + UUID.randomUUID() + ".v1";
        EmbeddedKafka.shared().admin().createTopics(List.of(new NewTopic(smallTopic, 1, (short) 1)
                .configs(Map.of("max.message.bytes", "1024")))).all().get();
        String otherKey = "after-large-" + UUID.randomUUID();
        UUID large = UUID.randomUUID();
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection()) {
            c.setAutoCommit(false);
            insert(c, large, smallTopic, "large-" + large, "{\"test\": \"" + "x".repeat(4096) + "\"}");
            insert(c, UUID.randomUUID(), Topics.INTAKE_TIPS, otherKey);
            c.commit();
        }
        signal.wake();

        assertThat(kafka.await(Topics.INTAKE_TIPS, r -> otherKey.equals(r.key()), 1, PATIENCE)).hasSize(1);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> setAside().getList(
                "items.eventId").contains(large.toString()));
        JsonPath listed = setAside();
        int index = listed.getList("items.eventId").indexOf(large.toString());
        assertThat(listed.getString("items[" + index + "].topic")).isEqualTo(smallTopic);
        assertThat(listed.getInt("items[" + index + "].attempts")).isEqualTo(2);
        assertThat(listed.getString("items[" + index + "].reason")).containsIgnoringCase("RecordTooLarge");
        TopicPartition partition = new TopicPartition(smallTopic, 0);
        assertThat(EmbeddedKafka.shared().admin().listOffsets(Map.of(partition, OffsetSpec.latest())).all().get()
                .get(partition).offset()).as("records in the small topic").isZero();
    }

    private static JsonPath setAside() {
        return given().auth().oauth2(TestTokens.admin()).get("/api/v1/admin/outbox/set-aside")
                .then().statusCode(200).extract().jsonPath();
    }

    private static void insert(Connection c, UUID eventId, String topic, String key) throws SQLException {
        insert(c, eventId, topic, key, "{\"test\": \"relay\"}");
    }

    private static void insert(Connection c, UUID eventId, String topic, String key, String payload)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO intake.outbox (event_id, event_type, topic, record_key, payload, occurred_at)
                VALUES (?, 'hotline.tip.received', ?, ?, ?, now())""")) {
            insert.setObject(1, eventId);
            insert.setString(2, topic);
            insert.setString(3, key);
            insert.setString(4, payload);
            insert.executeUpdate();
        }
    }
}
