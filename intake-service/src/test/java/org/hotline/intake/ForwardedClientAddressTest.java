package org.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.hotline.testsupport.HotlineInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * Behind a proxy ({@code quarkus.http.proxy.proxy-address-forwarding=true}) the limits count the client address the
 * proxy forwards, not the proxy's: each client has its own submission limit and its own allowance of wrong follow-up
 * codes across references. (ForwardingOffTest: with forwarding off the same headers change nothing.)
 */
@QuarkusTest
@TestProfile(SmallClientLimits.class)
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ForwardedClientAddressTest {

    @Test
    void eachForwardedClientHasItsOwnSubmissionLimit() {
        submitFrom("198.51.100.1").statusCode(202);
        submitFrom("198.51.100.1").statusCode(202);
        submitFrom("198.51.100.1").statusCode(429).header("Retry-After", matchesPattern("\\d+"));
        // Another client behind the same proxy is not held back by the first one's tips.
        submitFrom("198.51.100.2").statusCode(202);
        submitFrom("2001:db8::7").statusCode(202);
    }

    @Test
    void oneClientCannotSpreadWrongCodesOverManyReferences() {
        for (int i = 0; i < SmallClientLimits.CODE_FAILURES; i++) {
            statusFrom("198.51.100.9", "TIP-SPREAD000" + i).statusCode(404);
        }
        // Each reference has had one wrong code only, but this client has had its three.
        statusFrom("198.51.100.9", "TIP-SPREAD0009").statusCode(429).header("Retry-After", matchesPattern("\\d+"));
        statusFrom("198.51.100.10", "TIP-SPREAD0009").statusCode(404);
    }

    private static ValidatableResponse submitFrom(String client) {
        return given().header("X-Forwarded-For", client).contentType(ContentType.JSON)
                .body("{\"description\": \"behind a proxy\"}").when().post("/api/v1/tips").then();
    }

    private static ValidatableResponse statusFrom(String client, String reference) {
        return given().header("X-Forwarded-For", client).header("Follow-Up-Code", "00000-00000-00000-00000")
                .when().get("/api/v1/tips/" + reference + "/status").then();
    }
}
