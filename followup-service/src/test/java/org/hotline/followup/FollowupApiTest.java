package org.hotline.followup;

import static org.hotline.followup.FollowupTestSupport.asSupervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hotline.followup.FollowupTestSupport.PATIENCE;
import static org.hotline.followup.FollowupTestSupport.awaitFollowup;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.contracts.Topics;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Urgency;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.hotline.platform.rest.PageParameters;
import org.junit.jupiter.api.Test;

/** Staff's view of follow-ups: listing the backlog, reading one, completing it. */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class FollowupApiTest {

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void completingTwiceIsAConflictAndPublishesOneCompletedEvent() throws Exception {
        String reference = scheduled(Instant.now());
        String id = awaitFollowup(reference).getString("id");

        asSupervisor().when().post("/api/v1/followups/" + reference + "/completion")
                .then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("completedAt", notNullValue())
                .body("breached", equalTo(false))
                .body("atRisk", equalTo(false));
        asSupervisor().when().post("/api/v1/followups/" + reference + "/completion")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409));
        asSupervisor().get("/api/v1/followups/" + reference).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));

        List<ConsumerRecord<String, String>> events = kafka.await(Topics.FOLLOWUPS,
                r -> id.equals(r.key()) && "hotline.followup.completed".equals(
                        KafkaTestClient.header(r, CloudEventHeaders.TYPE)), 1, PATIENCE);
        assertThat(events).hasSize(1);
        JsonNode completed = json.readTree(events.get(0).value());
        assertThat(completed.get("followupId").asText()).isEqualTo(id);
        assertThat(completed.get("reference").asText()).isEqualTo(reference);
        assertThat(completed.get("breached").asBoolean()).isFalse();
        assertThat(Instant.parse(completed.get("completedAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(kafka.readAll(Topics.FOLLOWUPS, r -> id.equals(r.key())))
                .extracting(r -> KafkaTestClient.header(r, CloudEventHeaders.TYPE))
                .containsExactly("hotline.followup.scheduled", "hotline.followup.completed");
    }

    @Test
    void completingAfterTheBreachTimeIsRecordedAsBreached() throws Exception {
        String reference = scheduled(OffsetDateTime.parse("2025-03-03T10:00:00-05:00").toInstant());
        JsonPath open = awaitFollowup(reference);
        assertThat(open.getBoolean("breached")).isTrue();
        assertThat(open.getBoolean("atRisk")).as("past the breach time is breached, no longer at risk").isFalse();
        String id = open.getString("id");

        asSupervisor().when().post("/api/v1/followups/" + reference + "/completion")
                .then().statusCode(200).body("breached", equalTo(true));

        List<ConsumerRecord<String, String>> events = kafka.await(Topics.FOLLOWUPS,
                r -> id.equals(r.key()) && "hotline.followup.completed".equals(
                        KafkaTestClient.header(r, CloudEventHeaders.TYPE)), 1, PATIENCE);
        assertThat(events).hasSize(1);
        assertThat(json.readTree(events.get(0).value()).get("breached").asBoolean()).isTrue();
    }

    @Test
    void openFollowupBeforeItsTargetIsNeitherAtRiskNorBreached() {
        JsonPath followup = awaitFollowup(scheduled(Instant.now()));
        assertThat(followup.getBoolean("atRisk")).isFalse();
        assertThat(followup.getBoolean("breached")).isFalse();
    }

    @Test
    void listIsInTargetOrderAndFiltersByStatusAndBreach() {
        // Received in 2001, long breached: earlier than anything other tests schedule, so first in target order.
        String older = scheduled(OffsetDateTime.parse("2001-03-05T10:00:00-05:00").toInstant());
        String newer = scheduled(OffsetDateTime.parse("2001-03-06T10:00:00-05:00").toInstant());
        String completedRef = scheduled(OffsetDateTime.parse("2001-03-07T10:00:00-05:00").toInstant());
        awaitFollowup(older);
        awaitFollowup(newer);
        awaitFollowup(completedRef);
        asSupervisor().post("/api/v1/followups/" + completedRef + "/completion").then().statusCode(200);

        asSupervisor().queryParam("status", "OPEN").queryParam("breached", "true")
                .queryParam("page", 0).queryParam("size", 2)
                .when().get("/api/v1/followups")
                .then().statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("items.reference", contains(older, newer))
                .body("items.status", everyItem(equalTo("OPEN")))
                .body("items.breached", everyItem(equalTo(true)))
                .body("totalItems", greaterThanOrEqualTo(2));

        List<JsonPath> completed = everyPage("status", "COMPLETED");
        assertThat(completed.stream().flatMap(p -> p.getList("items.reference", String.class).stream()))
                .contains(completedRef).doesNotContain(older, newer);
        assertThat(completed.stream().flatMap(p -> p.getList("items.status", String.class).stream()))
                .containsOnly("COMPLETED");

        List<JsonPath> notBreached = everyPage("breached", "false");
        assertThat(notBreached.stream().flatMap(p -> p.getList("items.reference", String.class).stream()))
                .doesNotContain(older, newer, completedRef);
        assertThat(notBreached.stream().flatMap(p -> p.getList("items.breached", Boolean.class).stream()))
                .containsOnly(false);
    }

    /** Every page of the list filtered by one parameter, at the largest page size there is. */
    private List<JsonPath> everyPage(String filter, String value) {
        List<JsonPath> pages = new java.util.ArrayList<>();
        int totalPages = 1;
        for (int page = 0; page < totalPages; page++) {
            JsonPath answer = asSupervisor().queryParam(filter, value).queryParam("size", PageParameters.MAX_SIZE)
                    .queryParam("page", page).when().get("/api/v1/followups")
                    .then().statusCode(200).body("size", equalTo(PageParameters.MAX_SIZE)).extract().jsonPath();
            totalPages = answer.getInt("totalPages");
            pages.add(answer);
        }
        return pages;
    }

    @Test
    void unknownReferenceIsANotFoundProblem() {
        asSupervisor().get("/api/v1/followups/TIP-0000000000")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        asSupervisor().post("/api/v1/followups/TIP-0000000000/completion")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badFiltersAreAProblemNamingEachParameterWithoutEchoingIt() {
        asSupervisor().queryParam("status", "CANARY-DONE").queryParam("breached", "CANARY-maybe")
                .queryParam("size", "0")
                .when().get("/api/v1/followups")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("status", "breached", "size"))
                .body("violations.find { it.field == 'status' }.message",
                        equalTo("must be one of [OPEN, COMPLETED]"))
                .body(not(containsString("CANARY")));
    }

    @Test
    void withoutFiltersEveryFollowupIsListedWithTheContractFields() {
        awaitFollowup(scheduled(Instant.now()));
        JsonPath page = asSupervisor().queryParam("size", 1)
                .when().get("/api/v1/followups")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .extract().jsonPath();
        assertThat(page.getLong("totalItems")).isPositive();
        Map<String, Object> item = page.getMap("items[0]");
        assertThat(item).containsOnlyKeys("id", "reference", "callType", "channel", "receivedAt", "clockStartsAt",
                "targetAt", "breachAt", "status", "atRisk", "breached", "completedAt", "assignee", "assigneeName",
                "outcome");
    }

    /** Publishes a decision that owes a reply (an e-mail tip received at {@code receivedAt}); returns its reference. */
    private String scheduled(Instant receivedAt) {
        String reference = Decisions.reference(ContactKind.TIP);
        kafka.publishEvent(reference, Decisions.tip(reference, Channel.EMAIL, receivedAt, Urgency.NON_URGENT,
                Handling.MESSAGE_TAKEN));
        return reference;
    }
}
