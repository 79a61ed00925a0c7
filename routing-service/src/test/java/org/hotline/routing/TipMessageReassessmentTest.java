package org.hotline.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hotline.contracts.Topics;
import org.hotline.contracts.events.TipMessageAdded;
import org.hotline.contracts.events.TipReceived;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;

/** An anonymous reporter's later message re-assesses the tip; only a changed outcome is published again. */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class TipMessageReassessmentTest {

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void aMessageSayingSomeoneIsInDangerMakesTheTipUrgent() {
        String reference = "TIP-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        kafka.publishEvent(reference, new TipReceived(reference, Instant.now(), Channel.WEB_FORM,
                TraffickingType.LABOR, Set.of(), Set.of(Need.LABOR_RIGHTS), null, true, null, null, false));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Callers.agent().get("/api/v1/decisions/" + reference).statusCode() == 200);
        Callers.agent().get("/api/v1/decisions/" + reference).then().body("urgency", equalTo("NON_URGENT"));

        TipMessageAdded danger = new TipMessageAdded(reference, UUID.randomUUID(), Instant.now(),
                Set.of(Indicator.IMMINENT_DANGER), Set.of(Need.EMERGENCY_SHELTER));
        kafka.publishEventTwice(reference, danger);
        // Nothing new: the decision stays as it is and is not published again.
        kafka.publishEvent(reference, new TipMessageAdded(reference, UUID.randomUUID(), Instant.now(),
                Set.of(Indicator.IMMINENT_DANGER), Set.of()));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                "URGENT".equals(Callers.agent().get("/api/v1/decisions/" + reference).path("urgency")));
        Callers.agent().get("/api/v1/decisions/" + reference).then()
                .body("handling", equalTo("IMMEDIATE"))
                .body("emergencyAdvised", equalTo(true))
                .body("lawEnforcementReferral", equalTo(true))
                .body("rules[0]", startsWith("re-assessed after the reporter's message"));

        // A later contact on the same partition proves every message was consumed before counting.
        String marker = "TIP-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        kafka.publishEvent(reference, new TipReceived(marker, Instant.now(), Channel.WEB_FORM,
                null, Set.of(), Set.of(), null, true, null, null, false));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Callers.agent().get("/api/v1/decisions/" + marker).statusCode() == 200);
        assertThat(kafka.readAll(Topics.ROUTING_DECISIONS, r -> reference.equals(r.key()))).hasSize(2);
    }
}
