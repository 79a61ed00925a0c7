package org.hotline.routing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.hotline.contracts.EventType;
import org.hotline.contracts.Topics;
import org.hotline.contracts.events.CalendarClosureAdded;
import org.hotline.contracts.events.CallReceived;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.CallerType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.routing.repository.ClosureRepository;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * One business calendar: a closure follow-up publishes on the compacted closures topic reaches routing's read model and
 * turns the handling of a non-urgent contact received during it from in-hours into a message taken; its tombstone
 * takes it back. Dates are in April 2027, which no other routing test uses.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class CalendarClosureRoutingTest {

    /** Tuesday 2027-04-13, 10:00 Eastern (EDT): inside the business window. */
    private static final Instant TUESDAY_10_EASTERN = Instant.parse("2027-04-13T14:00:00Z");
    /** Generous: the first decision waits for the consumer groups to be joined, slow on a loaded machine. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();
    @Inject
    ClosureRepository closures;

    @Test
    void aClosureFromFollowupTurnsInHoursIntoAMessageTakenAndItsTombstoneUndoesIt() {
        String before = call(TUESDAY_10_EASTERN);
        awaitDecision(before).body("handling", equalTo("IN_HOURS"));

        UUID closureId = UUID.randomUUID();
        kafka.publishEvent(closureId.toString(), new CalendarClosureAdded(closureId,
                LocalDateTime.of(2027, 4, 13, 0, 0), LocalDateTime.of(2027, 4, 14, 0, 0), "Snow day", Instant.now()));
        await().atMost(PATIENCE).until(() -> stored(closureId));

        String during = call(TUESDAY_10_EASTERN);
        awaitDecision(during).body("handling", equalTo("MESSAGE_TAKEN"))
                .body("rules", hasItem("handling: non-urgent, received during an operator closure (Snow day):"
                        + " message taken"));

        kafka.send(Topics.CALENDAR_CLOSURES, closureId.toString(), null,
                KafkaTestClient.cloudEventHeaders(UUID.randomUUID(), EventType.CALENDAR_CLOSURE_ADDED));
        await().atMost(PATIENCE).until(() -> !stored(closureId));

        String after = call(TUESDAY_10_EASTERN);
        awaitDecision(after).body("handling", equalTo("IN_HOURS"));
    }

    private boolean stored(UUID closureId) {
        return QuarkusTransaction.requiringNew().call(() -> closures.findByIdOptional(closureId).isPresent());
    }

    private String call(Instant receivedAt) {
        String reference = "CALL-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        kafka.publishEvent(reference, new CallReceived(reference, receivedAt, CallType.GENERAL_INFO,
                CallerType.STUDENT, Channel.PHONE, false, Set.of(), Set.of(Need.INFORMATION), null, "en", false,
                false));
        return reference;
    }

    private static ValidatableResponse awaitDecision(String reference) {
        await().atMost(PATIENCE).until(() -> given().auth().oauth2(TestTokens.agent())
                .get("/api/v1/decisions/" + reference).statusCode() == 200);
        return given().auth().oauth2(TestTokens.agent()).get("/api/v1/decisions/" + reference).then()
                .statusCode(200);
    }
}
