package org.hotline.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline.followup.FollowupTestSupport.PATIENCE;
import static org.hotline.followup.FollowupTestSupport.awaitFollowup;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.contracts.EventCodec;
import org.hotline.contracts.EventType;
import org.hotline.contracts.Topics;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Urgency;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;

/** Records the consumer can never process go to the dead-letter topic, and consumption goes on behind them. */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class DeadLetterTest {

    private static final String DEAD_LETTER_REASON = "dead-letter-reason";
    private static final Instant RECEIVED = Instant.parse("2026-11-18T15:00:00Z");

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void poisonRecordsAreDeadLetteredWithoutTheirContentAndTheNextDecisionIsStillProcessed() {
        // One key for all: the records share a partition, so the valid decision comes after the poison ones.
        String reference = Decisions.reference(ContactKind.TIP);
        Map<String, String> validHeaders = KafkaTestClient.cloudEventHeaders(UUID.randomUUID(),
                EventType.ROUTING_DECIDED);
        kafka.send(Topics.ROUTING_DECISIONS, reference, "CANARY-garbage not json {", validHeaders);
        String wellFormed = new EventCodec().encode(Decisions.decision(reference, ContactKind.TIP, CallType.TIP,
                Channel.WEB_FORM, RECEIVED, Urgency.NON_URGENT, Handling.IN_HOURS, false, List.of("CANARY-rule")));
        kafka.send(Topics.ROUTING_DECISIONS, reference, wellFormed, Map.of());
        kafka.send(Topics.ROUTING_DECISIONS, reference, "{\"reference\": \"CANARY-partial\"}",
                KafkaTestClient.cloudEventHeaders(UUID.randomUUID(), EventType.ROUTING_DECIDED));
        kafka.publishEvent(reference, Decisions.tip(reference, Channel.WEB_FORM, RECEIVED, Urgency.NON_URGENT,
                Handling.IN_HOURS));

        List<ConsumerRecord<String, String>> dead = kafka.await(Topics.FOLLOWUP_DEAD_LETTER,
                r -> reference.equals(r.key()), 3, PATIENCE);
        assertThat(dead).hasSize(3);
        assertThat(dead).extracting(ConsumerRecord::value).containsExactly(
                "CANARY-garbage not json {", wellFormed, "{\"reference\": \"CANARY-partial\"}");
        for (ConsumerRecord<String, String> record : dead) {
            String reason = KafkaTestClient.header(record, DEAD_LETTER_REASON);
            assertThat(reason).isNotBlank().contains("followup-decisions").doesNotContain("CANARY");
            assertThat(KafkaTestClient.header(record, "dead-letter-topic")).isEqualTo(Topics.ROUTING_DECISIONS);
        }
        assertThat(KafkaTestClient.header(dead.get(0), DEAD_LETTER_REASON)).contains("not JSON");
        assertThat(KafkaTestClient.header(dead.get(1), DEAD_LETTER_REASON)).contains("missing ce_id");

        assertThat(awaitFollowup(reference).getString("channel")).isEqualTo("WEB_FORM");
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
