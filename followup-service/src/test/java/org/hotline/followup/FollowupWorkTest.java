package org.hotline.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hotline.followup.FollowupTestSupport.PATIENCE;
import static org.hotline.followup.FollowupTestSupport.asSupervisor;
import static org.hotline.followup.FollowupTestSupport.awaitFollowup;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.contracts.Topics;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Urgency;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** Working a follow-up: claim, assignment, completion with an outcome published in the event. */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class FollowupWorkTest {

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void aStaffMemberClaimsAnUnclaimedFollowupAndASupervisorReassignsIt() {
        String reference = scheduled();
        awaitFollowup(reference);
        String path = "/api/v1/followups/" + reference;
        given().auth().oauth2(TestTokens.agent()).get(path).then().body("assignee", nullValue());

        given().auth().oauth2(TestTokens.agent()).post(path + "/claim").then().statusCode(200)
                .body("assignee", equalTo("test-agent"))
                .body("assigneeName", equalTo("test-agent"));
        given().auth().oauth2(TestTokens.agent()).post(path + "/claim").then().statusCode(200)
                .body("assignee", equalTo("test-agent"));
        asSupervisor().post(path + "/claim").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("already-claimed"));

        // A subject this service never saw keeps no name, and never the previous assignee's.
        asSupervisor().contentType(ContentType.JSON).body("{\"assignee\": \"rosa.m\"}").post(path + "/assignment")
                .then().statusCode(200).body("assignee", equalTo("rosa.m")).body("assigneeName", nullValue());
        for (String bad : List.of("{}", "{\"assignee\": \" \"}", "{\"assignee\": \"" + "a".repeat(201) + "\"}")) {
            asSupervisor().contentType(ContentType.JSON).body(bad).post(path + "/assignment").then().statusCode(400)
                    .body("violations.field", contains("assignee"));
        }
        asSupervisor().contentType(ContentType.JSON).body("{\"assignee\": \"rosa.m\"}")
                .post("/api/v1/followups/TIP-0000000000/assignment").then().statusCode(404);

        asSupervisor().post(path + "/completion").then().statusCode(200).body("assignee", equalTo("rosa.m"))
                .body("outcome", nullValue());
        given().auth().oauth2(TestTokens.agent()).post(path + "/claim").then().statusCode(409)
                .body("type", containsString("already-completed"));
        asSupervisor().contentType(ContentType.JSON).body("{\"assignee\": \"someone\"}").post(path + "/assignment")
                .then().statusCode(409);
    }

    @Test
    void aSupervisorAssignsToSomeoneWhoOpenedTheWorkListAndTheFollowupShowsTheirName() {
        String reference = scheduled();
        awaitFollowup(reference);
        String path = "/api/v1/followups/" + reference;
        String agent = TestTokens.forRole("agent");
        // The agent opens the work list: from now on a supervisor can pick them by name (their token's upn here;
        // Keycloak's tokens give "name").
        given().auth().oauth2(agent).get("/api/v1/followups").then().statusCode(200);
        asSupervisor().get("/api/v1/staff-members").then().statusCode(200)
                .body("find { it.subject == 'test-agent' }.name", equalTo("test-agent"));
        given().auth().oauth2(agent).get("/api/v1/staff-members").then().statusCode(403);

        asSupervisor().contentType(ContentType.JSON).body("{\"assignee\": \"test-agent\"}")
                .post(path + "/assignment").then().statusCode(200)
                .body("assignee", equalTo("test-agent"))
                .body("assigneeName", equalTo("test-agent"));
        given().auth().oauth2(agent).get(path).then().body("assigneeName", equalTo("test-agent"));
    }

    @Test
    void theOutcomeIsKeptAndPublishedWithTheCompletion() throws Exception {
        String reference = scheduled();
        String id = awaitFollowup(reference).getString("id");
        String path = "/api/v1/followups/" + reference;

        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON).body("{\"outcome\": \"SOLVED\"}")
                .post(path + "/completion").then().statusCode(400)
                .body("violations.field", contains("outcome"))
                .body(not(containsString("SOLVED")));
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON).body("{\"outcome\": \"REFERRED\"}")
                .post(path + "/completion").then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("outcome", equalTo("REFERRED"));
        asSupervisor().get(path).then().body("outcome", equalTo("REFERRED"));

        List<ConsumerRecord<String, String>> events = kafka.await(Topics.FOLLOWUPS,
                r -> id.equals(r.key()) && "hotline.followup.completed".equals(
                        KafkaTestClient.header(r, CloudEventHeaders.TYPE)), 1, PATIENCE);
        JsonNode completed = new ObjectMapper().readTree(events.get(0).value());
        assertThat(completed.get("outcome").asText()).isEqualTo("REFERRED");
    }

    @Test
    void aNoteIntakeDoesNotTakeCompletesNothing() throws Exception {
        // In this profile intake-service is not there (a closed port).
        String reference = scheduled();
        awaitFollowup(reference);
        String path = "/api/v1/followups/" + reference;
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("{\"outcome\": \"RESPONDED\", \"note\": \"CANARY-note spoke to her sister\"}")
                .post(path + "/completion").then().statusCode(503)
                .contentType("application/problem+json")
                .body(not(containsString("CANARY")));
        asSupervisor().get(path).then().body("status", equalTo("OPEN")).body("outcome", nullValue());
        assertThat(FollowupTestSupport.count("SELECT count(*) FROM followup.followup f WHERE f.reference = ? AND "
                + "row_to_json(f)::text LIKE '%CANARY%'", reference)).isZero();
    }

    private String scheduled() {
        String reference = Decisions.reference(ContactKind.TIP);
        kafka.publishEvent(reference, Decisions.tip(reference, Channel.EMAIL, Instant.now(), Urgency.NON_URGENT,
                Handling.MESSAGE_TAKEN));
        return reference;
    }
}
