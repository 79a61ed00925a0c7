package org.hotline.intake;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.hotline.testsupport.HotlineInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * Without proxy address forwarding (the default) a client cannot escape the limits by sending forwarding headers:
 * the peer's address counts, whatever {@code X-Forwarded-For} or {@code Forwarded} say.
 */
@QuarkusTest
@TestProfile(ForwardingOffTest.NoProxy.class)
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ForwardingOffTest {

    /** Forwarding left off, and a limit small enough to reach in a test. */
    public static class NoProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "false",
                    "hotline.intake.submissions.per-client", "2");
        }
    }

    @Test
    void forwardingHeadersAreIgnored() {
        given().header("X-Forwarded-For", "198.51.100.1").contentType(ContentType.JSON)
                .body("{\"description\": \"first\"}").when().post("/api/v1/tips").then().statusCode(202);
        given().header("Forwarded", "for=198.51.100.2").contentType(ContentType.JSON)
                .body("{\"description\": \"second\"}").when().post("/api/v1/tips").then().statusCode(202);
        // A third claimed address is the same peer, over its limit.
        given().header("X-Forwarded-For", "198.51.100.3").contentType(ContentType.JSON)
                .body("{\"description\": \"third\"}").when().post("/api/v1/tips").then().statusCode(429);
    }
}
