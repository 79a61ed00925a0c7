package org.hotline.followup;

import static io.restassured.RestAssured.given;
import static org.hotline.followup.FollowupTestSupport.asSupervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hotline.followup.FollowupTestSupport.PATIENCE;
import static org.hotline.followup.FollowupTestSupport.awaitFollowup;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.contracts.Topics;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Urgency;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Operator closures: they count in quotes and in scheduling, and adding or removing one moves the deadlines of the open
 * follow-ups it touches. Dates are in March 2027, which no other test uses; each test removes its closures.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ClosureTest {

    private static final String CLOSURES = "/api/v1/calendar/closures";
    /** Monday 2027-03-08, 20:00 Eastern: clock Tuesday 09:00, target Wednesday 19:00, breach Thursday 19:00. */
    private static final String MONDAY_EVENING = "2027-03-08T20:00:00-05:00";

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> added = new ArrayList<>();

    @AfterEach
    void removeClosures() {
        added.forEach(id -> asSupervisor().delete(CLOSURES + "/" + id));
    }

    @Test
    void closureOnTheDayOfTheTargetMovesTargetAndBreachByTheClosedBusinessTime() throws Exception {
        String reference = Decisions.reference(ContactKind.CALL);
        kafka.publishEvent(reference, Decisions.call(reference,
                OffsetDateTime.parse(MONDAY_EVENING).toInstant(), Urgency.NON_URGENT, Handling.MESSAGE_TAKEN, false));
        JsonPath before = awaitFollowup(reference);
        assertThat(before.getString("targetAt")).isEqualTo("2027-03-10T19:00:00-05:00");
        assertThat(before.getString("breachAt")).isEqualTo("2027-03-11T19:00:00-05:00");
        String id = before.getString("id");

        // Wednesday 13:00-15:00 closed: two business hours fewer that day, so both deadlines come 2 h later.
        JsonPath closure = add(Map.of("start", "2027-03-10T13:00", "end", "2027-03-10T15:00",
                "reason", "All-staff training"));
        assertThat(closure.getString("start")).isEqualTo("2027-03-10T13:00:00");
        assertThat(closure.getString("startsAt")).isEqualTo("2027-03-10T13:00:00-05:00");
        assertThat(closure.getInt("rescheduled")).isGreaterThanOrEqualTo(1);

        JsonPath after = awaitFollowup(reference);
        assertThat(after.getString("clockStartsAt")).isEqualTo("2027-03-09T09:00:00-05:00");
        assertThat(after.getString("targetAt")).isEqualTo("2027-03-11T11:00:00-05:00");
        assertThat(after.getString("breachAt")).isEqualTo("2027-03-12T11:00:00-05:00");
        quote(MONDAY_EVENING).body("targetAt", equalTo("2027-03-11T11:00:00-05:00"))
                .body("breachAt", equalTo("2027-03-12T11:00:00-05:00"));

        // The move is published: a second hotline.followup.scheduled with the new deadlines.
        List<ConsumerRecord<String, String>> scheduled = kafka.await(Topics.FOLLOWUPS, r -> id.equals(r.key()), 2,
                PATIENCE);
        assertThat(scheduled).hasSize(2);
        assertThat(KafkaTestClient.header(scheduled.get(1), CloudEventHeaders.TYPE))
                .isEqualTo("hotline.followup.scheduled");
        assertThat(Instant.parse(json.readTree(scheduled.get(1).value()).get("targetAt").asText()))
                .isEqualTo(OffsetDateTime.parse("2027-03-11T11:00:00-05:00").toInstant());

        // Removing it puts the deadlines back.
        // The answer says how many open follow-ups moved back: at least this one (other tests' may move too).
        asSupervisor().delete(CLOSURES + "/" + closure.getString("id")).then().statusCode(200)
                .body("id", equalTo(closure.getString("id")))
                .body("rescheduled", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        added.remove(closure.getString("id"));
        JsonPath restored = awaitFollowup(reference);
        assertThat(restored.getString("targetAt")).isEqualTo("2027-03-10T19:00:00-05:00");
        assertThat(restored.getString("breachAt")).isEqualTo("2027-03-11T19:00:00-05:00");
        quote(MONDAY_EVENING).body("targetAt", equalTo("2027-03-10T19:00:00-05:00"));
        asSupervisor().get(CLOSURES).then().statusCode(200).body("id", not(hasItem(closure.getString("id"))));
    }

    @Test
    void aFollowupThatAlreadyRaisedAtRiskKeepsItsDeadlines() throws Exception {
        String reference = Decisions.reference(ContactKind.TIP);
        try (var c = org.hotline.testsupport.EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                var insert = c.prepareStatement("""
                        INSERT INTO followup.followup (id, reference, call_type, channel, received_at, clock_starts_at,
                            target_at, breach_at, status, at_risk_raised_at)
                        VALUES (?, ?, 'TIP', 'EMAIL', ?, ?, ?, ?, 'OPEN', now())""")) {
            insert.setObject(1, java.util.UUID.randomUUID());
            insert.setString(2, reference);
            insert.setObject(3, OffsetDateTime.parse(MONDAY_EVENING));
            insert.setObject(4, OffsetDateTime.parse("2027-03-09T09:00:00-05:00"));
            insert.setObject(5, OffsetDateTime.parse("2027-03-10T19:00:00-05:00"));
            insert.setObject(6, OffsetDateTime.parse("2027-03-11T19:00:00-05:00"));
            insert.executeUpdate();
        }
        add(Map.of("start", "2027-03-10T13:00", "end", "2027-03-10T15:00", "reason", "Fire drill"));

        JsonPath followup = awaitFollowup(reference);
        assertThat(followup.getString("targetAt")).isEqualTo("2027-03-10T19:00:00-05:00");
        assertThat(followup.getString("breachAt")).isEqualTo("2027-03-11T19:00:00-05:00");
    }

    @Test
    void aFullDayClosureDelaysTheClockStartAndNewFollowupsAreScheduledWithIt() {
        JsonPath closure = add(Map.of("date", "2027-03-09", "reason", "Snow day"));
        assertThat(closure.getString("start")).isEqualTo("2027-03-09T00:00:00");
        assertThat(closure.getString("end")).isEqualTo("2027-03-10T00:00:00");
        asSupervisor().get(CLOSURES).then().statusCode(200).body("id", hasItem(closure.getString("id")))
                .body("find { it.id == '" + closure.getString("id") + "' }.reason", equalTo("Snow day"));

        quote(MONDAY_EVENING).body("clockStartsAt", equalTo("2027-03-10T09:00:00-05:00"))
                .body("targetAt", equalTo("2027-03-11T19:00:00-05:00"))
                .body("breachAt", equalTo("2027-03-12T19:00:00-05:00"));

        String reference = Decisions.reference(ContactKind.CALL);
        kafka.publishEvent(reference, Decisions.call(reference,
                OffsetDateTime.parse(MONDAY_EVENING).toInstant(), Urgency.NON_URGENT, Handling.MESSAGE_TAKEN, false));
        assertThat(awaitFollowup(reference).getString("targetAt")).isEqualTo("2027-03-11T19:00:00-05:00");
    }

    @Test
    void addingAndRemovingAClosurePublishItOnTheCompactedClosuresTopicForRouting() throws Exception {
        JsonPath closure = add(Map.of("date", "2027-03-16", "reason", "All-staff training"));
        String id = closure.getString("id");

        List<ConsumerRecord<String, String>> found = kafka.await(Topics.CALENDAR_CLOSURES,
                r -> id.equals(r.key()) && r.value() != null, 1, PATIENCE);
        assertThat(found).as("the closure published through the outbox").hasSize(1);
        ConsumerRecord<String, String> published = found.get(0);
        assertThat(KafkaTestClient.header(published, CloudEventHeaders.TYPE))
                .isEqualTo("hotline.calendar.closure.added");
        var event = json.readTree(published.value());
        assertThat(event.get("closureId").asText()).isEqualTo(id);
        assertThat(event.get("start").asText()).isEqualTo("2027-03-16T00:00:00");
        assertThat(event.get("end").asText()).isEqualTo("2027-03-17T00:00:00");
        assertThat(event.get("reason").asText()).isEqualTo("All-staff training");

        asSupervisor().delete(CLOSURES + "/" + id).then().statusCode(200).body("id", equalTo(id))
                .body("reason", equalTo("All-staff training")).body("rescheduled", org.hamcrest.Matchers.notNullValue());
        added.remove(id);
        assertThat(kafka.await(Topics.CALENDAR_CLOSURES, r -> id.equals(r.key()) && r.value() == null, 1, PATIENCE))
                .as("a tombstone removes the closure from the compacted topic").hasSize(1);
    }

    @Test
    void endBeforeStartIsRejectedNamingTheField() {
        asSupervisor().contentType(ContentType.JSON)
                .body(Map.of("start", "2027-03-10T15:00", "end", "2027-03-10T13:00", "reason", "Office move"))
                .post(CLOSURES).then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("end"));
        asSupervisor().contentType(ContentType.JSON).body(Map.of("date", "2027-03-10", "start", "2027-03-10T13:00",
                "reason", "x")).post(CLOSURES).then().statusCode(400).body("violations[0].field", equalTo("date"));
        asSupervisor().contentType(ContentType.JSON).body(Map.of("date", "2027-03-10"))
                .post(CLOSURES).then().statusCode(400).body("violations.field", hasItem("reason"));
        asSupervisor().contentType(ContentType.JSON).body(Map.of("start", "tomorrow", "end", "2027-03-10T13:00",
                "reason", "x")).post(CLOSURES).then().statusCode(400);
        asSupervisor().delete(CLOSURES + "/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private JsonPath add(Map<String, String> body) {
        var response = asSupervisor().contentType(ContentType.JSON).body(body).post(CLOSURES).then().statusCode(201)
                .extract();
        JsonPath closure = response.jsonPath();
        added.add(closure.getString("id"));
        assertThat(response.header("Location")).endsWith(CLOSURES + "/" + closure.getString("id"));
        return closure;
    }

    private static io.restassured.response.ValidatableResponse quote(String receivedAt) {
        return given().queryParam("receivedAt", receivedAt).get("/api/v1/sla/quote").then().statusCode(200);
    }
}
