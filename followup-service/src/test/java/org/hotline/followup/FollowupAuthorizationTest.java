package org.hotline.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hotline.followup.FollowupTestSupport.asSupervisor;
import static org.hotline.testsupport.AuthorizationMatrix.PUBLIC;
import static org.hotline.testsupport.AuthorizationMatrix.json;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hotline.testsupport.AuthorizationMatrix;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Who may call what on followup-service: every endpoint × no token and every role; and the token cookie the dashboard
 * is opened with, which is good for reading only.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class FollowupAuthorizationTest {

    private static final Set<String> STAFF = Set.of("agent", "supervisor");
    private static final Set<String> SUPERVISOR = Set.of("supervisor");
    private static final Set<String> ADMIN = Set.of("admin");
    private static final Set<String> STATISTICS_READERS = Set.of("agent", "supervisor", "admin");
    private static final String COOKIE = "hotline_access_token";
    private static final String CLOSURES = "/api/v1/calendar/closures";
    /** Far from any test's dates, and removed again after each test. */
    private static final String MATRIX_CLOSURE = "{\"date\": \"2099-06-01\", \"reason\": \"authorization matrix\"}";

    @AfterEach
    void removeTheMatrixClosures() {
        List<String> ids = asSupervisor().get(CLOSURES).then().statusCode(200).extract()
                .path("findAll { it.reason == 'authorization matrix' }.id");
        ids.forEach(id -> asSupervisor().delete(CLOSURES + "/" + id).then().statusCode(200));
    }

    @Test
    void everyEndpointAnswersOnlyItsRoles() throws Exception {
        // Unknown references and ids: an allowed caller gets past security to a 404.
        String reference = "/api/v1/followups/TIP-0000000000";
        AuthorizationMatrix matrix = new AuthorizationMatrix()
                .endpoint("GET", "/api/v1/sla/quote", "/api/v1/sla/quote", PUBLIC)
                .endpoint("GET", "/api/v1/followups", "/api/v1/followups", STAFF)
                .endpoint("GET", "/api/v1/followups/backlog", "/api/v1/followups/backlog", STAFF)
                .endpoint("GET", "/api/v1/followups/{reference}", reference, STAFF)
                .endpoint("POST", "/api/v1/followups/{reference}/claim", reference + "/claim", STAFF)
                .endpoint("POST", "/api/v1/followups/{reference}/assignment", reference + "/assignment", SUPERVISOR,
                        json("{\"assignee\": \"matrix\"}"))
                .endpoint("POST", "/api/v1/followups/{reference}/completion", reference + "/completion", STAFF)
                .endpoint("GET", CLOSURES, CLOSURES, STAFF)
                .endpoint("POST", CLOSURES, CLOSURES, SUPERVISOR, json(MATRIX_CLOSURE))
                .endpoint("DELETE", CLOSURES + "/{id}", CLOSURES + "/" + UUID.randomUUID(), SUPERVISOR)
                .endpoint("GET", "/api/v1/staff-members", "/api/v1/staff-members", SUPERVISOR)
                .endpoint("GET", "/dashboard", "/dashboard", STAFF)
                .endpoint("GET", "/api/v1/statistics", "/api/v1/statistics", STATISTICS_READERS)
                .endpoint("GET", "/api/v1/statistics.csv", "/api/v1/statistics.csv", STATISTICS_READERS)
                // An admin's call starts a real rebuild: harmless, it rebuilds the same figures (StatisticsTest
                // waits out a rebuild already running).
                .endpoint("POST", "/api/v1/statistics/rebuilds", "/api/v1/statistics/rebuilds", ADMIN)
                .endpoint("GET", "/api/v1/statistics/rebuilds/{generation}", "/api/v1/statistics/rebuilds/999999",
                        ADMIN)
                .endpoint("POST", "/api/v1/statistics/publications", "/api/v1/statistics/publications", SUPERVISOR,
                        json("{}"))
                .endpoint("GET", "/api/v1/statistics/publications", "/api/v1/statistics/publications", PUBLIC)
                .endpoint("GET", "/api/v1/statistics/publications/{id}",
                        "/api/v1/statistics/publications/" + UUID.randomUUID(), PUBLIC)
                .endpoint("DELETE", "/api/v1/statistics/publications/{id}",
                        "/api/v1/statistics/publications/" + UUID.randomUUID(), SUPERVISOR)
                .endpoint("GET", "/statistics", "/statistics", PUBLIC)
                .endpoint("GET", "/statistics/{id}", "/statistics/" + UUID.randomUUID(), PUBLIC);
        matrix.platformAdministration();
        matrix.coversOpenApi();
        matrix.matchesReadme(java.nio.file.Path.of("README.md"));
        assertThat(matrix.verify()).isEqualTo((22 + 4) * AuthorizationMatrix.CALLERS.size());
        given().get("/q/health").then().statusCode(200);
    }

    @Test
    void theTokenCookieOpensTheDashboardAndReadsButChangesNothing() {
        given().cookie(COOKIE, TestTokens.agent()).get("/dashboard").then().statusCode(200);
        given().cookie(COOKIE, TestTokens.agent()).get("/api/v1/followups/backlog").then().statusCode(200);
        given().cookie(COOKIE, TestTokens.partner(UUID.randomUUID())).get("/api/v1/followups/backlog").then()
                .statusCode(403);

        // A forged cross-site request carries the cookie but cannot set a header: refused before anything changes.
        given().cookie(COOKIE, TestTokens.supervisor()).contentType(ContentType.JSON).body(MATRIX_CLOSURE)
                .post(CLOSURES).then().statusCode(403).contentType("application/problem+json")
                .body("type", endsWith("/token-header-required"));
        given().cookie(COOKIE, TestTokens.agent()).post("/api/v1/followups/TIP-0000000000/completion").then()
                .statusCode(403);
        asSupervisor().get(CLOSURES).then().statusCode(200)
                .body("findAll { it.reason == 'authorization matrix' }", empty());

        // With the header as well, the same change goes through to the resource (unknown reference: 404).
        given().auth().oauth2(TestTokens.agent()).cookie(COOKIE, TestTokens.agent())
                .post("/api/v1/followups/TIP-0000000000/completion").then().statusCode(404);
    }

    @Test
    void aTamperedOrForeignTokenIsRefusedInTheHeaderAndInTheCookie() {
        String token = TestTokens.supervisor();
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        for (String bad : List.of(tampered, "not-a-token")) {
            given().auth().oauth2(bad).get("/api/v1/followups/backlog").then().statusCode(401);
            given().cookie(COOKIE, bad).get("/dashboard").then().statusCode(401);
        }
    }
}
