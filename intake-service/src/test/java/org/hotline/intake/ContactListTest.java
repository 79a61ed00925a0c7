package org.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.hotline.contracts.events.FollowupCompleted;
import org.hotline.contracts.events.FollowupScheduled;
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

/**
 * The staff list: newest first, every filter, paging, no personal data and no audited read; urgency and open follow-up
 * learnt from routing's and followup's events (each applied once, an older decision never winning over a newer one).
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ContactListTest {

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void contactsAreListedNewestFirstByEveryFilterWithWhatRoutingAndFollowupSaid() throws Exception {
        // Three calls in a window of their own, 20 to 25 days back, so other tests' contacts stay out of it.
        Instant start = Instant.now().minus(20, ChronoUnit.DAYS)
                .minus(ThreadLocalRandom.current().nextLong(5 * 24 * 60), ChronoUnit.MINUTES)
                .truncatedTo(ChronoUnit.SECONDS);
        String crisis = logCall(CallType.CRISIS, "CA", start);
        String info = logCall(CallType.GENERAL_INFO, "TX", start.plusSeconds(60));
        String referral = logCall(CallType.REFERRAL_REQUEST, "CA", start.plusSeconds(120));
        Map<String, String> window = Map.of("receivedFrom", start.toString(),
                "receivedTo", start.plusSeconds(120).toString());

        assertThat(references(window)).containsExactly(referral, info, crisis);
        assertThat(references(with(window, "urgency", "URGENT"))).isEmpty();

        // A newer decision, then an older one delivered late and twice: the newer one is kept.
        kafka.publishEvent(crisis, decision(crisis, CallType.CRISIS, Urgency.URGENT, start.plusSeconds(10)));
        kafka.publishEventTwice(crisis, decision(crisis, CallType.CRISIS, Urgency.NON_URGENT, start.plusSeconds(5)));
        kafka.publishEvent(referral, decision(referral, CallType.REFERRAL_REQUEST, Urgency.NON_URGENT,
                start.plusSeconds(130)));
        UUID referralFollowup = UUID.randomUUID();
        kafka.publishEventTwice(referralFollowup.toString(), scheduled(referralFollowup, referral, start));
        UUID infoFollowup = UUID.randomUUID();
        kafka.publishEvent(infoFollowup.toString(), scheduled(infoFollowup, info, start));
        kafka.publishEvent(infoFollowup.toString(), new FollowupCompleted(infoFollowup, info, Instant.now(), false));
        // Published after the others on the same keys: once they show, the earlier ones were applied too.
        kafka.publishEvent(crisis, decision(crisis, CallType.CRISIS, Urgency.URGENT, start.plusSeconds(11)));
        UUID marker = UUID.randomUUID();
        kafka.publishEvent(infoFollowup.toString(), scheduled(marker, info, start));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath page = list(window);
            assertThat(page.getList("items.urgency")).containsExactly("NON_URGENT", null, "URGENT");
            assertThat(page.getList("items.hasOpenFollowUp")).containsExactly(true, false, false);
        });
        // The completed follow-up was not reopened by the scheduling event published after it.
        assertThat(references(with(window, "hasOpenFollowUp", "true"))).containsExactly(referral);
        assertThat(references(with(window, "hasOpenFollowUp", "false"))).containsExactly(info, crisis);
        assertThat(references(with(window, "urgency", "URGENT"))).containsExactly(crisis);
        assertThat(references(with(window, "urgency", "NON_URGENT"))).containsExactly(referral);
        assertThat(references(with(window, "callType", "GENERAL_INFO"))).containsExactly(info);
        assertThat(references(with(window, "state", "CA"))).containsExactly(referral, crisis);
        assertThat(references(with(window, "status", "RECEIVED"))).containsExactly(referral, info, crisis);
        assertThat(references(with(window, "status", "CLOSED"))).isEmpty();
        assertThat(references(with(window, "reference", crisis.toLowerCase()))).containsExactly(crisis);
        assertThat(references(Map.of("receivedFrom", start.plusSeconds(60).toString(),
                "receivedTo", start.plusSeconds(60).toString()))).containsExactly(info);

        JsonPath first = list(with(window, "size", "2"));
        assertThat(first.getList("items.reference")).containsExactly(referral, info);
        assertThat(first.getInt("totalItems")).isEqualTo(3);
        assertThat(first.getInt("totalPages")).isEqualTo(2);
        JsonPath second = list(with(with(window, "size", "2"), "page", "1"));
        assertThat(second.getList("items.reference")).containsExactly(crisis);
        assertThat(second.getInt("totalItems")).isEqualTo(3);

        Map<String, Object> item = list(with(window, "callType", "CRISIS")).getMap("items[0]");
        assertThat(item).containsOnlyKeys("reference", "kind", "channel", "callType", "status", "urgency", "state",
                "receivedAt", "hasOpenFollowUp");
        assertThat(item).containsEntry("kind", "CALL").containsEntry("channel", "PHONE")
                .containsEntry("status", "RECEIVED").containsEntry("state", "CA")
                .containsEntry("receivedAt", start.toString());
        // A list opens no personal data, so nothing is audited.
        assertThat(IntakeDatabase.auditTrail(crisis)).isEmpty();
    }

    @Test
    void everyBadParameterIsNamedAndNoneIsEchoed() {
        given().auth().oauth2(TestTokens.agent())
                .queryParams(Map.of("reference", "TIP-%", "status", "OPEN", "callType", "PRANK", "urgency", "SOON",
                        "state", "California", "receivedFrom", "yesterday", "receivedTo", "2026-13-01",
                        "hasOpenFollowUp", "maybe", "page", "-1", "size", "101"))
                .get("/api/v1/contacts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("reference", "status", "callType", "urgency", "state",
                        "receivedFrom", "receivedTo", "hasOpenFollowUp", "page", "size"))
                .body(not(containsString("California")))
                .body(not(containsString("yesterday")));
        given().auth().oauth2(TestTokens.agent())
                .queryParams(Map.of("receivedFrom", "2026-12-02", "receivedTo", "2026-12-01"))
                .get("/api/v1/contacts").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("receivedTo"));
    }

    private static String logCall(CallType callType, String state, Instant receivedAt) {
        return given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("""
                        {"callType": "%s", "receivedAt": "%s", "location": {"state": "%s"},
                         "summary": "CANARY-list summary"}""".formatted(callType, receivedAt, state))
                .post("/api/v1/calls").then().statusCode(201).extract().path("reference");
    }

    private static JsonPath list(Map<String, String> query) {
        String body = given().auth().oauth2(TestTokens.supervisor()).queryParams(query).get("/api/v1/contacts")
                .then().statusCode(200).extract().asString();
        assertThat(body).doesNotContain("CANARY");
        return JsonPath.from(body);
    }

    private static List<String> references(Map<String, String> query) {
        return list(query).getList("items.reference");
    }

    private static Map<String, String> with(Map<String, String> query, String name, String value) {
        var copy = new java.util.HashMap<>(query);
        copy.put(name, value);
        return copy;
    }

    private static RoutingDecided decision(String reference, CallType callType, Urgency urgency, Instant decidedAt) {
        return new RoutingDecided(UUID.randomUUID(), reference, ContactKind.CALL, callType, Channel.PHONE,
                decidedAt.minusSeconds(5), false, urgency,
                urgency == Urgency.URGENT ? Handling.IMMEDIATE : Handling.MESSAGE_TAKEN, false, false, List.of(),
                List.of("test"), decidedAt);
    }

    private static FollowupScheduled scheduled(UUID followupId, String reference, Instant receivedAt) {
        return new FollowupScheduled(followupId, reference, CallType.GENERAL_INFO, Channel.PHONE, receivedAt,
                receivedAt, receivedAt.plus(2, ChronoUnit.DAYS), receivedAt.plus(3, ChronoUnit.DAYS));
    }
}
