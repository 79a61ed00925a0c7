package org.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.contracts.Topics;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.TestTokens;
import org.hotline.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class CallLoggingTest {

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void callTakenOvernightIsLoggedWithItsRealTimeAndPublishedWithoutTheSummary() throws Exception {
        Instant takenAt = Instant.now().minus(9, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String reference = given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("""
                        {"callType": "REFERRAL_REQUEST", "callerType": "SERVICE_PROVIDER", "receivedAt": "%s",
                         "requestedUrgent": true, "needs": ["SHELTER", "LEGAL"], "language": "es",
                         "location": {"state": "CA", "county": "Monterey"}, "consentToLawEnforcement": false,
                         "summary": "CANARY-summary caller needs beds for two", "followUpRequested": true}"""
                        .formatted(takenAt))
                .when().post("/api/v1/calls")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/contacts/CALL-[0-9A-Z]{10}$"))
                .body("receivedAt", equalTo(takenAt.toString()))
                .body("status", equalTo("RECEIVED"))
                .extract().path("reference");

        var records = kafka.await(Topics.INTAKE_CALLS, r -> reference.equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        assertThat(KafkaTestClient.header(records.get(0), CloudEventHeaders.TYPE)).isEqualTo("hotline.call.received");
        JsonNode event = new ObjectMapper().readTree(records.get(0).value());
        assertThat(event.get("callType").asText()).isEqualTo("REFERRAL_REQUEST");
        assertThat(event.get("channel").asText()).isEqualTo("PHONE");
        assertThat(event.get("requestedUrgent").asBoolean()).isTrue();
        assertThat(event.get("followUpRequested").asBoolean()).isTrue();
        assertThat(records.get(0).value()).doesNotContain("CANARY");
    }

    @Test
    void receivedAtInTheFutureOrOverThirtyDaysBackIsRejected() {
        for (Instant when : new Instant[] {Instant.now().plus(1, ChronoUnit.HOURS),
                Instant.now().minus(31, ChronoUnit.DAYS)}) {
            given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                    .body("{\"callType\": \"GENERAL_INFO\", \"receivedAt\": \"" + when + "\"}")
                    .when().post("/api/v1/calls")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", contains("receivedAt"))
                    .body("violations[0].message", equalTo("must not be in the future nor more than 30 days ago"));
        }
    }

    @Test
    void theAgeBandAnAgentRecordsTravelsToRoutingAsTheVocabularySpellsIt() throws Exception {
        String reference = given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("""
                        {"callType": "REFERRAL_REQUEST", "callerType": "FAMILY_MEMBER", "ageBand": "12_17",
                         "needs": ["RUNAWAY_HOMELESS_YOUTH"]}""")
                .when().post("/api/v1/calls")
                .then().statusCode(201).extract().path("reference");

        var records = kafka.await(Topics.INTAKE_CALLS, r -> reference.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        JsonNode event = new ObjectMapper().readTree(records.get(0).value());
        assertThat(event.get("ageBand").asText()).isEqualTo("12_17");
        assertThat(event.get("callerType").asText()).isEqualTo("FAMILY_MEMBER");

        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("{\"callType\": \"CRISIS\", \"ageBand\": \"teen\"}")
                .when().post("/api/v1/calls")
                .then().statusCode(400)
                .body("violations.field", contains("ageBand"))
                .body("violations[0].message", equalTo("must be one of [UNDER_12, 12_17, 18_24, ADULT, UNKNOWN]"));
    }

    @Test
    void aMissingCallTypeAnUnknownCallerTypeAndAWrongTypeAreNamedTogether() {
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("{\"callerType\": \"ALIEN\", \"requestedUrgent\": \"maybe\"}")
                .when().post("/api/v1/calls")
                .then().statusCode(400)
                .body("violations.field", contains("callType", "callerType", "requestedUrgent"));
    }

    @Test
    void callTypeIsRequiredAndMustBeOneOfTheSix() {
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON).body("{\"callerType\": \"STUDENT\"}")
                .when().post("/api/v1/calls")
                .then().statusCode(400)
                .body("violations.field", contains("callType"));
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON).body("{\"callType\": \"PRANK\"}")
                .when().post("/api/v1/calls")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("callType"))
                .body("violations[0].message", equalTo(
                        "must be one of [CRISIS, TIP, TRAINING_TA, REFERRAL_REQUEST, GENERAL_INFO, RELATED]"));
    }
}
