package org.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.testsupport.AuthorizationMatrix.PUBLIC;
import static org.hotline.testsupport.AuthorizationMatrix.json;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.hotline.testsupport.AuthorizationMatrix;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** Who may call what on intake: every endpoint × no token and every role. */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class IntakeAuthorizationTest {

    private static final Set<String> STAFF = Set.of("agent", "supervisor");
    private static final Set<String> ADMIN = Set.of("admin");
    private static final Set<String> PARTNER = Set.of("partner");
    private static final Set<String> SUPERVISOR = Set.of("supervisor");
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Test
    void everyEndpointAnswersOnlyItsRoles() throws Exception {
        String reference = given().contentType(ContentType.JSON).body("{\"description\": \"matrix\"}")
                .post("/api/v1/tips").then().statusCode(202).extract().path("reference");
        String contact = "/api/v1/contacts/" + reference;
        String caseReference = given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("{\"signalReference\": \"" + reference + "\"}").post("/api/v1/cases")
                .then().statusCode(201).extract().path("reference");
        String aCase = "/api/v1/cases/" + caseReference;
        String suggestion = contact + "/case-suggestions/" + java.util.UUID.randomUUID();
        AuthorizationMatrix matrix = new AuthorizationMatrix()
                .endpoint("GET", "/", "/", PUBLIC)
                .endpoint("POST", "/", "/", PUBLIC, request -> {
                    Response form = given().get("/");
                    Matcher token = FORM_TOKEN.matcher(form.asString());
                    assertThat(token.find()).isTrue();
                    return request.cookie("hotline_form", form.getCookie("hotline_form"))
                            .formParam("csrf", token.group(1)).formParam("description", "matrix");
                })
                .endpoint("GET", "/status", "/status", PUBLIC)
                .endpoint("POST", "/status", "/status", PUBLIC, request -> withFormToken(request)
                        .formParam("reference", reference).formParam("code", "00000-00000-00000-00000"))
                .endpoint("POST", "/status/messages", "/status/messages", PUBLIC, request -> withFormToken(request)
                        .formParam("reference", reference).formParam("code", "00000-00000-00000-00000")
                        .formParam("message", "matrix"))
                .endpoint("POST", "/api/v1/tips", "/api/v1/tips", PUBLIC, json("{\"description\": \"matrix\"}"))
                .endpoint("GET", "/api/v1/tips/{reference}/status", "/api/v1/tips/" + reference + "/status", PUBLIC,
                        r -> r.header("Follow-Up-Code", "00000-00000-00000-00000"))
                .endpoint("POST", "/api/v1/tips/{reference}/messages", "/api/v1/tips/" + reference + "/messages",
                        PUBLIC, r -> json("{\"message\": \"matrix\"}").apply(r)
                                .header("Follow-Up-Code", "00000-00000-00000-00000"))
                .endpoint("POST", "/api/v1/calls", "/api/v1/calls", STAFF, json("{\"callType\": \"GENERAL_INFO\"}"))
                .endpoint("GET", "/api/v1/contacts", "/api/v1/contacts", STAFF)
                .endpoint("GET", "/api/v1/contacts/{reference}", contact, STAFF)
                .endpoint("GET", "/api/v1/contacts/{reference}/messages", contact + "/messages", STAFF)
                .endpoint("GET", "/api/v1/contacts/{reference}/notes", contact + "/notes", STAFF)
                .endpoint("POST", "/api/v1/contacts/{reference}/notes", contact + "/notes", STAFF,
                        json("{\"text\": \"matrix\"}"))
                .endpoint("GET", "/api/v1/contacts/unrouted", "/api/v1/contacts/unrouted", STAFF)
                .endpoint("POST", "/api/v1/contacts/{reference}/closure", contact + "/closure", STAFF)
                .endpoint("GET", "/api/v1/contacts/{reference}/replies", contact + "/replies", STAFF)
                .endpoint("POST", "/api/v1/contacts/{reference}/replies", contact + "/replies", STAFF,
                        json("{\"text\": \"matrix\"}"))
                .endpoint("POST", "/api/v1/cases", "/api/v1/cases", STAFF, json("{\"signalReference\": \"TIP-0\"}"))
                .endpoint("GET", "/api/v1/cases", "/api/v1/cases", STAFF)
                .endpoint("GET", "/api/v1/cases/{reference}", aCase, STAFF)
                .endpoint("PATCH", "/api/v1/cases/{reference}", aCase, STAFF, json("{}"))
                .endpoint("POST", "/api/v1/cases/{reference}/signals", aCase + "/signals", STAFF,
                        json("{\"signalReference\": \"TIP-0\"}"))
                .endpoint("DELETE", "/api/v1/cases/{reference}/signals/{signalReference}",
                        aCase + "/signals/TIP-0", STAFF)
                .endpoint("PUT", "/api/v1/cases/{reference}/assignee", aCase + "/assignee", STAFF, json("{}"))
                .endpoint("POST", "/api/v1/cases/{reference}/closure", "/api/v1/cases/CASE-0000000000/closure",
                        SUPERVISOR, json("{\"reason\": \"RESOLVED\"}"))
                .endpoint("POST", "/api/v1/cases/{reference}/merges", "/api/v1/cases/CASE-0000000000/merges",
                        SUPERVISOR, json("{\"caseReference\": \"CASE-0000000001\"}"))
                .endpoint("GET", "/api/v1/cases/{reference}/notes", aCase + "/notes", STAFF)
                .endpoint("POST", "/api/v1/cases/{reference}/notes", aCase + "/notes", STAFF,
                        json("{\"text\": \"matrix\"}"))
                .endpoint("GET", "/api/v1/contacts/{reference}/case-suggestions", contact + "/case-suggestions",
                        STAFF)
                .endpoint("POST", "/api/v1/contacts/{reference}/case-suggestions/{id}/confirmation",
                        suggestion + "/confirmation", STAFF)
                .endpoint("POST", "/api/v1/contacts/{reference}/case-suggestions/{id}/rejection",
                        suggestion + "/rejection", STAFF)
                .endpoint("GET", "/api/v1/referrals/{referralId}/contact",
                        "/api/v1/referrals/" + java.util.UUID.randomUUID() + "/contact", PARTNER)
                .endpoint("GET", "/api/v1/admin/encryption", "/api/v1/admin/encryption", ADMIN)
                .endpoint("POST", "/api/v1/admin/encryption/rotation", "/api/v1/admin/encryption/rotation", ADMIN)
                .endpoint("POST", "/api/v1/admin/retention/purge", "/api/v1/admin/retention/purge", ADMIN);
        matrix.platformAdministration();
        matrix.coversOpenApi();
        matrix.matchesReadme(java.nio.file.Path.of("README.md"));
        assertThat(matrix.verify()).isEqualTo((22 + 14 + 4) * AuthorizationMatrix.CALLERS.size());
    }

    /** A form post with the anti-forgery cookie and token of a freshly served page, as a browser sends it. */
    private static RequestSpecification withFormToken(
            RequestSpecification request) {
        Response page = given().get("/status");
        Matcher token = FORM_TOKEN.matcher(page.asString());
        assertThat(token.find()).isTrue();
        return request.cookie("hotline_form", page.getCookie("hotline_form")).formParam("csrf", token.group(1));
    }

    @Test
    void aTokenFromAnotherIssuerOrTamperedWithIsRefused() {
        String token = TestTokens.agent();
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(tampered).get("/api/v1/contacts/TIP-0000000000").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/v1/contacts/TIP-0000000000").then().statusCode(401);
    }
}
