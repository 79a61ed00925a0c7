package org.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.contracts.Topics;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.TestTokens;
import org.hotline.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class TipSubmissionTest {

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void acceptedTipIsStoredAndPublishedWithoutPersonalData() throws Exception {
        String reference = given().contentType(ContentType.JSON)
                .body("""
                        {"description": "CANARY-desc workers locked in at night",
                         "traffickingType": "LABOR", "indicators": ["VICTIM_IN_SITUATION"], "needs": ["LABOR_RIGHTS"],
                         "location": {"city": "Salinas", "state": "CA", "postalCode": "93901"},
                         "reporter": {"anonymous": false, "name": "CANARY-name", "email": "canary@example.org",
                                      "consentToLawEnforcement": true}}""")
                .when().post("/api/v1/tips")
                .then().statusCode(202)
                .header("Location", matchesPattern(".*/api/v1/contacts/TIP-[0-9A-Z]{10}$"))
                .body("reference", matchesPattern("TIP-[0-9A-HJKMNP-TV-Z]{10}"))
                .body("status", equalTo("RECEIVED"))
                .body("receivedAt", notNullValue())
                .extract().path("reference");

        var records = kafka.await(Topics.INTAKE_TIPS, r -> reference.equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.TYPE)).isEqualTo("hotline.tip.received");
        assertThat(UUID.fromString(KafkaTestClient.header(record, CloudEventHeaders.ID))).isNotNull();
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/hotline/intake-service");
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        JsonNode event = json.readTree(record.value());
        assertThat(event.get("reference").asText()).isEqualTo(reference);
        assertThat(event.get("channel").asText()).isEqualTo("WEB_FORM");
        assertThat(event.get("consentToLawEnforcement").asBoolean()).isTrue();
        assertThat(record.value()).doesNotContain("CANARY").doesNotContain("canary@");

        given().auth().oauth2(TestTokens.agent()).when().get("/api/v1/contacts/" + reference)
                .then().statusCode(200)
                .body("reference", equalTo(reference))
                .body("kind", equalTo("TIP"))
                .body("needs", hasItem("LABOR_RIGHTS"))
                .body("location.postalCode", equalTo("93901"))
                // routing-service and followup-service do not run in this test: the read still answers.
                .body("decisionStatus", equalTo("UNAVAILABLE"))
                .body("followUpStatus", equalTo("UNAVAILABLE"));
        assertThat(outboxRows(reference)).as("outbox drained after publishing").isZero();
    }

    @Test
    void invalidTipIsRejectedNamingEveryBadFieldAndStoresNothing() throws Exception {
        long before = contactRows();
        given().contentType(ContentType.JSON)
                .body("""
                        {"description": "  ", "location": {"postalCode": "9390"},
                         "reporter": {"email": "not-an-address"}}""")
                .when().post("/api/v1/tips")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid request"))
                .body("type", equalTo("https://hotline.example/problems/validation"))
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder(
                        "description", "location.postalCode", "reporter.email"));
        assertThat(contactRows()).isEqualTo(before);
    }

    @Test
    void unknownEnumValueIsNamedWithoutEchoingIt() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"description": "x", "channel": "PIGEON-CANARY"}""")
                .when().post("/api/v1/tips")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("channel"))
                .body("violations[0].message", org.hamcrest.Matchers.startsWith("must be one of [PHONE, WEB_FORM"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("CANARY")));
    }

    @Test
    void anUnknownEnumAWrongTypeAndAMissingFieldAreNamedTogether() throws Exception {
        long before = contactRows();
        given().contentType(ContentType.JSON)
                .body("""
                        {"traffickingType": "PIGEON-CANARY", "needs": "CANARY-SHELTER"}""")
                .when().post("/api/v1/tips")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.contains("description", "needs",
                        "traffickingType"))
                .body("violations.find { it.field == 'needs' }.message", equalTo("must be an array"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("CANARY")));
        assertThat(contactRows()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"description\": ")
                .when().post("/api/v1/tips")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"));
    }

    @Test
    void retriedSubmissionWithTheSameIdempotencyKeyGetsTheSameReference() {
        String key = "retry-" + UUID.randomUUID();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"description\": \"first attempt\"}")
                .post("/api/v1/tips").then().statusCode(202).extract().path("reference");
        String second = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"description\": \"first attempt\"}")
                .post("/api/v1/tips").then().statusCode(202).extract().path("reference");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theSameBodyWithItsSetsInAnotherOrderIsTheSameRetry() {
        String key = "retry-" + UUID.randomUUID();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"description\": \"x\", \"needs\": [\"SHELTER\", \"LEGAL\", \"MEDICAL\"]}")
                .post("/api/v1/tips").then().statusCode(202).extract().path("reference");
        String second = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"needs\": [\"MEDICAL\", \"SHELTER\", \"LEGAL\"], \"description\": \"x\"}")
                .post("/api/v1/tips").then().statusCode(202).extract().path("reference");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void anIdempotencyKeyReusedWithAnotherBodyIs422AndStoresNothing() throws Exception {
        String key = "reuse-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"description\": \"the first tip\"}")
                .post("/api/v1/tips").then().statusCode(202);
        long before = contactRows();

        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"description\": \"CANARY a different tip\"}")
                .post("/api/v1/tips").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hotline.example/problems/idempotency-key-reused"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("CANARY")));
        assertThat(contactRows()).isEqualTo(before);
    }

    @Test
    void oversizedBodiesAreRefusedWith413AndNothingIsStored() throws Exception {
        long before = contactRows();
        given().contentType(ContentType.JSON)
                .body("{\"description\": \"" + "x".repeat(300_000) + "\"}")
                .when().post("/api/v1/tips")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("title", equalTo("Payload too large"));
        assertThat(contactRows()).isEqualTo(before);
    }

    @Test
    void descriptionsOverTheFieldLimitAreNamed() {
        given().contentType(ContentType.JSON)
                .body("{\"description\": \"" + "x".repeat(20_001) + "\"}")
                .when().post("/api/v1/tips")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("description"));
    }

    @Test
    void unknownContactIsANotFoundProblem() {
        given().auth().oauth2(TestTokens.agent()).when().get("/api/v1/contacts/TIP-0000000000")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    private static long contactRows() throws SQLException {
        return count("SELECT count(*) FROM intake.contact");
    }

    private static long outboxRows(String reference) throws SQLException {
        return count("SELECT count(*) FROM intake.outbox WHERE record_key = '" + reference + "'");
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
