package org.hotline.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.hotline.testsupport.HotlineInfrastructure;
import org.junit.jupiter.api.Test;

/** The public HSDS read is limited per client like the tip form: past the limit, 429 with Retry-After. */
@QuarkusTest
@TestProfile(HsdsPublicReadLimitTest.FiveAMinute.class)
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class HsdsPublicReadLimitTest {

    public static class FiveAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hotline.directory.hsds.public-read.per-client", "5",
                    "hotline.directory.hsds.public-read.window", "PT10M");
        }
    }

    @Test
    void theSixthRequestWithinTheWindowIsRefused() {
        for (int i = 0; i < 5; i++) {
            given().get(i % 2 == 0 ? "/api/v1/public/hsds/services" : "/api/v1/public/hsds").then().statusCode(200);
        }
        String retryAfter = given().get("/api/v1/public/hsds/organizations").then().statusCode(429)
                .contentType("application/problem+json").extract().header("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 600L);
        // Staff reads and the profile are not counted.
        Callers.agent().get("/hsds/services").then().statusCode(200);
        given().get("/hsds/profile").then().statusCode(200);
    }
}
