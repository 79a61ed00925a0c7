package org.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.contracts.Topics;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.KafkaTestClient;
import org.hotline.testsupport.HotlineInfrastructure;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AnonymousFollowUpTest {

    private static final String CODE_PATTERN = "[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}";

    @Test
    void anonymousReporterGetsACodeThatIsStoredOnlyAsABcryptHash() throws Exception {
        JsonPath receipt = submit("{\"description\": \"seen at the motel\"}", null);
        String reference = receipt.getString("reference");
        String code = receipt.getString("followUpCode");
        assertThat(code).matches(CODE_PATTERN);

        String stored = storedHash(reference);
        assertThat(stored).startsWith("$2").doesNotContain(code).doesNotContain(code.replace("-", ""));

        given().header("Follow-Up-Code", code).when().get("/api/v1/tips/" + reference + "/status")
                .then().statusCode(200)
                .body("reference", equalTo(reference))
                .body("status", equalTo("RECEIVED"));
        // Read out on the phone or typed by hand: case and dashes do not matter.
        given().header("Follow-Up-Code", code.toLowerCase().replace("-", " "))
                .when().get("/api/v1/tips/" + reference + "/status")
                .then().statusCode(200);
    }

    @Test
    void theReporterAddsInformationThatIsPublishedForRoutingWithoutItsText() throws Exception {
        JsonPath receipt = submit("{\"description\": \"first report\"}", null);
        String reference = receipt.getString("reference");

        String messageId = given().contentType(ContentType.JSON).header("Follow-Up-Code", receipt.getString("followUpCode"))
                .body("{\"message\": \"CANARY-text she said they took her passport\", \"indicators\": [\"IMMINENT_DANGER\"]}")
                .when().post("/api/v1/tips/" + reference + "/messages")
                .then().statusCode(202).extract().path("messageId");

        var events = KafkaTestClient.forSharedBroker().await(Topics.INTAKE_TIPS,
                r -> reference.equals(r.key()) && "hotline.tip.message-added".equals(
                        KafkaTestClient.header(r, CloudEventHeaders.TYPE)), 1, java.time.Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).value()).contains(messageId).contains("IMMINENT_DANGER").doesNotContain("CANARY");
        // The relay keeps a contact's events in order: the tip first, then what its reporter added.
        assertThat(KafkaTestClient.forSharedBroker().readAll(Topics.INTAKE_TIPS, r -> reference.equals(r.key())))
                .extracting(r -> KafkaTestClient.header(r, CloudEventHeaders.TYPE))
                .containsExactly("hotline.tip.received", "hotline.tip.message-added");
    }

    @Test
    void addingInformationNeedsTheRightCode() {
        String reference = submit("{\"description\": \"guarded\"}", null).getString("reference");
        given().contentType(ContentType.JSON).header("Follow-Up-Code", "00000-00000-00000-00000")
                .body("{\"message\": \"spoofed\"}")
                .when().post("/api/v1/tips/" + reference + "/messages")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("Follow-Up-Code", "00000-00000-00000-00000")
                .body("{\"indicators\": [\"NOT_AN_INDICATOR\"]}")
                .when().post("/api/v1/tips/" + reference + "/messages")
                .then().statusCode(400).body("violations[0].field", equalTo("indicators[0]"));
    }

    @Test
    void reportersWhoGaveTheirIdentityGetNoCode() {
        submit("""
                {"description": "x", "reporter": {"anonymous": false, "name": "A. Person", "phone": "555-010-0200"}}""",
                null).getString("reference");
        given().contentType(ContentType.JSON)
                .body("{\"description\": \"y\", \"reporter\": {\"anonymous\": false}}")
                .post("/api/v1/tips").then().statusCode(202).body("followUpCode", nullValue());
    }

    @Test
    void wrongCodesAndUnknownReferencesAnswerAlikeAndAreThrottled() {
        JsonPath receipt = submit("{\"description\": \"throttle me\"}", null);
        String reference = receipt.getString("reference");

        given().header("Follow-Up-Code", "00000-00000-00000-00000")
                .when().get("/api/v1/tips/TIP-NOSUCHTIP0/status")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No tip matches this reference and follow-up code"));
        for (int i = 0; i < 5; i++) {
            given().header("Follow-Up-Code", "00000-00000-00000-0000" + i)
                    .when().get("/api/v1/tips/" + reference + "/status")
                    .then().statusCode(404)
                    .body("detail", equalTo("No tip matches this reference and follow-up code"));
        }
        // Past the limit even the right code waits: guessing cannot go on.
        given().header("Follow-Up-Code", receipt.getString("followUpCode"))
                .when().get("/api/v1/tips/" + reference + "/status")
                .then().statusCode(429)
                .header("Retry-After", matchesPattern("\\d+"))
                .contentType("application/problem+json");
        given().when().get("/api/v1/tips/" + reference + "/status").then().statusCode(429);
    }

    @Test
    void aRetriedSubmissionGivesTheSameReferenceAndTheFirstCodeKeepsWorking() {
        String key = "form-" + UUID.randomUUID();
        JsonPath first = submit("{\"description\": \"retry\"}", key);
        JsonPath second = submit("{\"description\": \"retry\"}", key);
        assertThat(second.getString("reference")).isEqualTo(first.getString("reference"));
        assertThat(second.getString("status")).isEqualTo(first.getString("status"));
        assertThat(second.getString("followUpCode")).as("the code is shown once").isNull();
        given().header("Follow-Up-Code", first.getString("followUpCode"))
                .when().get("/api/v1/tips/" + first.getString("reference") + "/status")
                .then().statusCode(200);
    }

    private static JsonPath submit(String body, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/tips").then().statusCode(202).extract().jsonPath();
    }

    private static String storedHash(String reference) throws Exception {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT follow_up_code_hash FROM intake.contact WHERE reference = ?")) {
            s.setString(1, reference);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }
}
