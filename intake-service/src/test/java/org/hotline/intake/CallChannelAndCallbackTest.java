package org.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hotline.contracts.Topics;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** A call logged from another channel with a callback: the callback is sealed, shown on the audited detail only. */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class CallChannelAndCallbackTest {

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void aCallbackIsSealedShownOnTheAuditedDetailAndNeverPublished() throws Exception {
        String reference = given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("""
                        {"callType": "GENERAL_INFO", "channel": "TEXT", "summary": "asked about shelters",
                         "followUpRequested": true,
                         "callback": {"name": "CANARYNAME Rosa", "phone": "+1 555 0100 777",
                                      "email": "canarymail@example.org", "permissionToCallBack": true}}""")
                .post("/api/v1/calls").then().statusCode(201).extract().path("reference");

        var records = kafka.await(Topics.INTAKE_CALLS, r -> reference.equals(r.key()), 1, Duration.ofSeconds(30));
        JsonNode event = new ObjectMapper().readTree(records.get(0).value());
        assertThat(event.get("channel").asText()).isEqualTo("TEXT");
        assertThat(records.get(0).value()).doesNotContainIgnoringCase("canary").doesNotContain("0100 777");
        assertThat(IntakeDatabase.storedRows(reference)).doesNotContainIgnoringCase("canary")
                .doesNotContain("0100 777");

        given().auth().oauth2(TestTokens.supervisor()).get("/api/v1/contacts/" + reference).then().statusCode(200)
                .body("channel", equalTo("TEXT"))
                .body("callback.name", equalTo("CANARYNAME Rosa"))
                .body("callback.phone", equalTo("+1 555 0100 777"))
                .body("callback.email", equalTo("canarymail@example.org"))
                .body("callback.permissionToCallBack", equalTo(true))
                .body("reporter", nullValue());
        assertThat(IntakeDatabase.auditTrail(reference)).containsExactly("test-supervisor contact.view");
    }

    @Test
    void aCallWithoutChannelIsAPhoneCallWithoutCallback() {
        String reference = given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("{\"callType\": \"GENERAL_INFO\"}")
                .post("/api/v1/calls").then().statusCode(201).extract().path("reference");
        given().auth().oauth2(TestTokens.agent()).get("/api/v1/contacts/" + reference).then().statusCode(200)
                .body("channel", equalTo("PHONE"))
                .body("callback", nullValue());
    }

    @Test
    void theWebFormIsNotAChannelACallIsLoggedFrom() {
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("{\"callType\": \"GENERAL_INFO\", \"channel\": \"WEB_FORM\"}")
                .post("/api/v1/calls").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("channel"))
                .body("violations[0].message", equalTo("must be one of [PHONE, EMAIL, TEXT, CHAT]"));
    }

    @Test
    void everyBadCallbackFieldIsNamedAndNoneIsEchoed() {
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("""
                        {"callType": "GENERAL_INFO", "summary": "%s",
                         "callback": {"name": "%s", "phone": "call me maybe", "email": "not-an-address"}}"""
                        .formatted("s".repeat(20_001), "n".repeat(201)))
                .post("/api/v1/calls").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("summary", "callback.name", "callback.phone",
                        "callback.email"))
                .body(not(containsString("call me maybe")))
                .body(not(containsString("not-an-address")));
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("{\"callType\": \"GENERAL_INFO\", \"callback\": {\"name\": \"Rosa\", "
                        + "\"permissionToCallBack\": true}}")
                .post("/api/v1/calls").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("callback.phone"))
                .body("violations[0].message",
                        equalTo("a phone number or an e-mail address is needed when permissionToCallBack is true"));
    }
}
