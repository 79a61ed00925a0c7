package org.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.hotline.testsupport.HotlineInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * One client may submit only so many tips ({@link SmallClientLimits}: two), through the API and the form together;
 * then 429 with Retry-After. The client here sends no forwarding header, so its own address is the one counted.
 */
@QuarkusTest
@TestProfile(SmallClientLimits.class)
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SubmissionRateLimitTest {

    @Test
    void aSubmissionPastTheLimitIsRefusedWithRetryAfterThroughTheApiAndTheForm() {
        for (int i = 0; i < SmallClientLimits.SUBMISSIONS - 1; i++) {
            given().contentType(ContentType.JSON).body("{\"description\": \"tip " + i + "\"}")
                    .when().post("/api/v1/tips").then().statusCode(202);
        }
        Response form = given().when().get("/");
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.asString());
        token.find();
        given().cookie("hotline_form", form.getCookie("hotline_form")).formParam("csrf", token.group(1))
                .formParam("description", "the last allowed, through the form")
                .when().post("/").then().statusCode(200);

        given().contentType(ContentType.JSON).body("{\"description\": \"one too many\"}")
                .when().post("/api/v1/tips")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("\\d+"))
                .body("title", equalTo("Too many requests"));

        Response again = given().when().get("/");
        Matcher next = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(again.asString());
        next.find();
        given().cookie("hotline_form", again.getCookie("hotline_form")).formParam("csrf", next.group(1))
                .formParam("description", "also too many")
                .when().post("/")
                .then().statusCode(429)
                .header("Retry-After", matchesPattern("\\d+"))
                .body(containsString("Too many tips were sent from this connection"));
    }
}
