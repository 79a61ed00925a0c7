package org.hotline.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.hotline.local.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole path, black box: the four packaged services run as separate processes against one Kafka broker and one
 * PostgreSQL server ({@link SharedSystem}), and a tip submitted over HTTP turns into a follow-up in followup-service's
 * API.
 */
@ExtendWith(SharedSystem.class)
class TipToFollowupIT {

    /** A request to a service with a Keycloak token of the role's demo user. */
    private static RequestSpecification staff(String role, String service) {
        return given().baseUri(url(service)).auth().oauth2(SharedSystem.token(role));
    }

    private static String url(String service) {
        return SharedSystem.stack().url(service);
    }

    @Test
    void tipSubmittedOverHttpIsDecidedAndGetsAFollowup() {
        String reference = given().baseUri(url("intake-service")).contentType(ContentType.JSON)
                .body("""
                        {"description": "Workers at a farm are not allowed to leave",
                         "traffickingType": "LABOR", "needs": ["LABOR_RIGHTS"],
                         "location": {"city": "Salinas", "state": "CA", "postalCode": "93901"}}""")
                .when().post("/api/v1/tips")
                .then().statusCode(202).body("reference", notNullValue())
                .extract().path("reference");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                staff("supervisor", "followup-service").get("/api/v1/followups/" + reference)
                        .statusCode() == 200);

        staff("supervisor", "followup-service").when().get("/api/v1/followups/" + reference)
                .then().statusCode(200)
                .body("reference", equalTo(reference))
                .body("status", equalTo("OPEN"))
                .body("targetAt", notNullValue())
                .body("breachAt", notNullValue());
        staff("supervisor", "routing-service").when().get("/api/v1/decisions/" + reference)
                .then().statusCode(200)
                .body("urgency", equalTo("NON_URGENT"));
        staff("agent", "intake-service").when().get("/api/v1/contacts/" + reference)
                .then().statusCode(200)
                .body("decisionStatus", equalTo("FOUND"))
                .body("decision.urgency", equalTo("NON_URGENT"))
                .body("followUpStatus", equalTo("FOUND"))
                .body("followUp.status", equalTo("OPEN"));
    }

    @Test
    void theTipFormPromisesTheReplyDateThatFollowupServiceQuotes() {
        var form = given().baseUri(url("intake-service")).queryParam("lang", "en").when().get("/");
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.asString());
        assertThat(token.find()).isTrue();

        String receipt = given().baseUri(url("intake-service")).queryParam("lang", "en")
                .cookie("hotline_form", form.getCookie("hotline_form"))
                .formParam("csrf", token.group(1))
                .formParam("description", "A neighbour's nanny is never allowed out")
                .when().post("/")
                .then().statusCode(200).extract().asString();

        assertThat(receipt).contains("Our staff will respond by")
                .containsPattern("(Monday|Tuesday|Wednesday|Thursday|Friday), [A-Z][a-z]+ \\d{1,2}, 20\\d\\d")
                .doesNotContain("two to three business days");
    }

    @Test
    void anOrganisationAddedThroughTheDirectoryChangesTheNextDecision() {
        String workerCenter = "Salinas Valley Worker Center " + System.nanoTime();
        String before = submitLaborTip();
        awaitDecision(before);
        assertThat(referredOrganisations(before)).doesNotContain(workerCenter);

        staff("admin", "directory-service").contentType(ContentType.JSON)
                .body("""
                        {"name": "%s", "lawEnforcement": false, "emergencyDispatch": false, "audiences": [],
                         "languages": ["en", "es"], "lastVerifiedOn": "2026-11-01",
                         "services": [{"name": "Wage claims", "needs": ["LABOR_RIGHTS"], "phone": "831-555-0142",
                           "hours": {"timeZone": "America/Los_Angeles", "open24h": true, "weekly": [], "closedDates": []},
                           "area": {"national": false, "states": [], "counties": ["CA:Monterey"],
                                    "postalCodes": ["93901"]}}]}""".formatted(workerCenter))
                .when().post("/api/v1/organizations")
                .then().statusCode(201);

        // The directory reaches routing only through the compacted topic: the next tips pick it up.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            String next = submitLaborTip();
            awaitDecision(next);
            return referredOrganisations(next).contains(workerCenter);
        });
    }

    private static String submitLaborTip() {
        return given().baseUri(url("intake-service")).contentType(ContentType.JSON)
                .body("""
                        {"description": "Pickers paid nothing for three weeks", "needs": ["LABOR_RIGHTS"],
                         "location": {"city": "Salinas", "state": "CA", "postalCode": "93901"}}""")
                .when().post("/api/v1/tips")
                .then().statusCode(202).extract().path("reference");
    }

    private static void awaitDecision(String reference) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                staff("supervisor", "routing-service").get("/api/v1/decisions/" + reference)
                        .statusCode() == 200);
    }

    private static List<String> referredOrganisations(String reference) {
        return staff("supervisor", "routing-service").when().get("/api/v1/decisions/" + reference)
                .then().statusCode(200).extract().jsonPath().getList("referrals.organizationName", String.class);
    }

    @Test
    void theDirectoryIsSeededWithTheKeyNumbers() {
        List<String> phones = staff("agent", "directory-service").queryParam("size", 50)
                .when().get("/api/v1/organizations")
                .then().statusCode(200)
                .extract().jsonPath().getList("items.services.flatten().phone", String.class);
        assertThat(phones).contains("1-888-373-7888", "1-888-428-7581");
    }

    @Test
    void everyServiceReportsReadyWithKafkaAndTheDatabase() {
        for (ServiceProcess service : SharedSystem.stack().services()) {
            given().baseUri(service.baseUrl()).when().get("/q/health/ready")
                    .then().statusCode(200).body("status", equalTo("UP"))
                    .body("checks.name", hasItem("Database connections health check"));
        }
    }
}
