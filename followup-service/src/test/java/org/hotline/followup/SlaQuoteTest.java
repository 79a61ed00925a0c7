package org.hotline.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.hotline.testsupport.HotlineInfrastructure;
import org.junit.jupiter.api.Test;

/** The promise the tip form quotes, from the same calculator that schedules follow-ups. */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SlaQuoteTest {

    @Test
    void messageLeftFridayEveningIsDueTuesdayEveningInEasternTime() {
        given().queryParam("receivedAt", "2026-11-20T20:00:00-05:00")
                .when().get("/api/v1/sla/quote")
                .then().statusCode(200)
                .body("clockStartsAt", equalTo("2026-11-23T09:00:00-05:00"))
                .body("targetAt", equalTo("2026-11-24T19:00:00-05:00"))
                .body("breachAt", equalTo("2026-11-25T19:00:00-05:00"));
    }

    @Test
    void utcReceiptTimesAreAnsweredInEasternTime() {
        // The same instant as Friday 20:00 Eastern, written in UTC.
        given().queryParam("receivedAt", "2026-11-21T01:00:00Z")
                .when().get("/api/v1/sla/quote")
                .then().statusCode(200)
                .body("clockStartsAt", equalTo("2026-11-23T09:00:00-05:00"))
                .body("breachAt", equalTo("2026-11-25T19:00:00-05:00"));
    }

    @Test
    void offsetsFollowDaylightSavingTime() {
        // Friday 2026-07-03 is Independence Day observed: a Thursday-evening message waits for Monday.
        given().queryParam("receivedAt", "2026-07-02T19:30:00-04:00")
                .when().get("/api/v1/sla/quote")
                .then().statusCode(200)
                .body("clockStartsAt", equalTo("2026-07-06T09:00:00-04:00"))
                .body("targetAt", equalTo("2026-07-07T19:00:00-04:00"));
    }

    @Test
    void withoutReceivedAtTheQuoteIsForNow() {
        Instant before = Instant.now();
        JsonPath quote = given().when().get("/api/v1/sla/quote")
                .then().statusCode(200)
                .extract().jsonPath();
        OffsetDateTime clockStartsAt = OffsetDateTime.parse(quote.getString("clockStartsAt"));
        Instant clockStarts = clockStartsAt.toInstant();
        assertThat(clockStartsAt.getOffset()).as("Eastern offset of that instant, daylight saving included")
                .isEqualTo(ZoneId.of("America/New_York").getRules().getOffset(clockStarts));
        Instant target = OffsetDateTime.parse(quote.getString("targetAt")).toInstant();
        Instant breach = OffsetDateTime.parse(quote.getString("breachAt")).toInstant();
        assertThat(clockStarts).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(target).isAfter(clockStarts);
        assertThat(breach).isAfter(target);
    }

    @Test
    void unparseableReceivedAtIsAProblemNamingTheParameter() {
        given().queryParam("receivedAt", "CANARY-yesterday")
                .when().get("/api/v1/sla/quote")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", equalTo("https://hotline.example/problems/validation"))
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("receivedAt"))
                .body(not(containsString("CANARY")));
    }

    @Test
    void receivedAtWithoutOffsetIsRejected() {
        given().queryParam("receivedAt", "2026-11-20T20:00:00")
                .when().get("/api/v1/sla/quote")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("receivedAt"));
    }
}
