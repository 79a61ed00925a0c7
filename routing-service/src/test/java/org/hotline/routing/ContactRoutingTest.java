package org.hotline.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.contracts.EventType;
import org.hotline.contracts.Topics;
import org.hotline.contracts.events.CallReceived;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.events.TipReceived;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.CallerType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ContactRoutingTest {

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void tipWithAMinorIsDecidedUrgentAndPublished() {
        String reference = reference("TIP");
        kafka.publishEvent(reference, tip(reference, Set.of(Indicator.MINOR_INVOLVED)));

        awaitDecision(reference)
                .body("urgency", equalTo("URGENT"))
                .body("handling", equalTo("IMMEDIATE"))
                .body("lawEnforcementReferral", equalTo(true))
                .body("rules", hasItem("urgency: urgent indicators [MINOR_INVOLVED]"));
        var published = kafka.await(Topics.ROUTING_DECISIONS, r -> reference.equals(r.key()), 1,
                Duration.ofSeconds(20));
        assertThat(published).hasSize(1);
        assertThat(KafkaTestClient.header(published.get(0), CloudEventHeaders.TYPE))
                .isEqualTo("hotline.routing.decided");
    }

    @Test
    void callsAreDecidedToo() {
        String reference = reference("CALL");
        kafka.publishEvent(reference, new CallReceived(reference, Instant.parse("2026-11-21T02:00:00Z"),
                CallType.GENERAL_INFO, CallerType.STUDENT, Channel.PHONE, false, Set.of(), Set.of(Need.INFORMATION),
                null, "en", false, false));

        awaitDecision(reference)
                .body("urgency", equalTo("NON_URGENT"))
                .body("handling", equalTo("MESSAGE_TAKEN"))
                .body("emergencyAdvised", equalTo(false));
    }

    @Test
    void aRedeliveredEventMakesNoSecondDecision() {
        String reference = reference("TIP");
        kafka.publishEventTwice(reference, tip(reference, Set.of()));
        kafka.publishEvent(reference, tip(reference, Set.of()));

        awaitDecision(reference).body("urgency", equalTo("NON_URGENT"));
        // A later contact on the same partition proves the duplicates were consumed before we count.
        String marker = reference("TIP");
        kafka.publishEvent(reference, tip(marker, Set.of()));
        awaitDecision(marker);

        assertThat(kafka.readAll(Topics.ROUTING_DECISIONS, r -> reference.equals(r.key())
                && r.value().contains("\"reference\":\"" + reference + "\""))).hasSize(1);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndConsumptionGoesOn() {
        String poisonKey = reference("TIP");
        kafka.send(Topics.INTAKE_TIPS, poisonKey, "{\"reference\": \"CANARY-not-a-tip",
                KafkaTestClient.cloudEventHeaders(UUID.randomUUID(), EventType.TIP_RECEIVED));
        String headerless = reference("TIP");
        kafka.send(Topics.INTAKE_TIPS, headerless, "{}", Map.of());

        String reference = reference("TIP");
        kafka.publishEvent(poisonKey, tip(reference, Set.of()));
        awaitDecision(reference);

        var dead = kafka.await(Topics.ROUTING_DEAD_LETTER,
                r -> poisonKey.equals(r.key()) || headerless.equals(r.key()), 2, Duration.ofSeconds(20));
        assertThat(dead).extracting(r -> r.key()).containsExactlyInAnyOrder(poisonKey, headerless);
        assertThat(KafkaTestClient.header(dead.get(0), "dead-letter-reason")).isNotBlank().doesNotContain("CANARY");
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void unknownReferenceIsANotFoundProblem() {
        Callers.agent().when().get("/api/v1/decisions/TIP-UNKNOWN0000")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse awaitDecision(String reference) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                Callers.agent().when().get("/api/v1/decisions/" + reference).statusCode() == 200);
        return Callers.agent().when().get("/api/v1/decisions/" + reference).then().statusCode(200)
                .body("reference", equalTo(reference));
    }

    private static TipReceived tip(String reference, Set<Indicator> indicators) {
        return new TipReceived(reference, Instant.now(), Channel.WEB_FORM, TraffickingType.LABOR, indicators,
                Set.of(Need.LABOR_RIGHTS), new Location("Salinas", "Monterey", "CA", "93901", "US"), true, null, null,
                false);
    }

    private static String reference(String kind) {
        return kind + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }
}
