package org.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.contracts.EventType;
import org.hotline.contracts.Topics;
import org.hotline.contracts.events.RoutingDecided;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Urgency;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** A decision intake can never read goes to intake's dead-letter topic, and the next one is still applied. */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ProgressDeadLetterTest {

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void aPoisonDecisionIsDeadLetteredWithoutItsContentAndTheNextIsApplied() {
        String reference = given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("{\"callType\": \"CRISIS\"}").post("/api/v1/calls").then().statusCode(201)
                .extract().path("reference");
        // Same key: the sound decision follows the poison one in its partition.
        kafka.send(Topics.ROUTING_DECISIONS, reference, "CANARY not json {",
                KafkaTestClient.cloudEventHeaders(UUID.randomUUID(), EventType.ROUTING_DECIDED));
        kafka.publishEvent(reference, new RoutingDecided(UUID.randomUUID(), reference, ContactKind.CALL,
                CallType.CRISIS, Channel.PHONE, Instant.now(), false, Urgency.URGENT, Handling.IMMEDIATE, true, false,
                List.of(), List.of("crisis"), Instant.now()));

        List<ConsumerRecord<String, String>> dead = kafka.await(Topics.INTAKE_DEAD_LETTER,
                r -> reference.equals(r.key()), 1, Duration.ofSeconds(60));
        assertThat(dead).hasSize(1);
        assertThat(KafkaTestClient.header(dead.get(0), "dead-letter-reason")).contains("intake-decisions")
                .doesNotContain("CANARY");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                given().auth().oauth2(TestTokens.agent()).queryParam("reference", reference)
                        .get("/api/v1/contacts").then().statusCode(200).extract().<String>path("items[0].urgency"))
                .isEqualTo("URGENT"));
    }
}
