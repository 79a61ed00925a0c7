package org.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hotline.testsupport.HotlineInfrastructure;
import org.junit.jupiter.api.Test;

/** The public pages and API answer with the headers that keep browsers from sniffing, framing or caching them. */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SecurityHeadersTest {

    @Test
    void theFormForbidsFramingForeignScriptsAndSniffing() {
        given().when().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("form-action 'self'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("no-referrer"));
    }

    @Test
    void theStatusPageAndTheFormAreNeverCachedAndCarryTheSamePolicy() {
        for (String page : new String[] {"/status", "/status?lang=es", "/"}) {
            given().when().get(page).then().statusCode(200)
                    .header("Cache-Control", equalTo("no-store"))
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", containsString("form-action 'self'"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("Referrer-Policy", equalTo("no-referrer"));
        }
    }

    @Test
    void apiAnswersAreNeverCachedAndErrorsCarryTheHeadersToo() {
        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/tips").then().statusCode(400)
                .header("Cache-Control", equalTo("no-store"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", containsString("default-src 'self'"));
    }
}
