package org.hotline.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.testsupport.AuthorizationMatrix.json;

import java.util.Set;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hotline.testsupport.AuthorizationMatrix;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Who may call what on the directory: every endpoint × no token and every role. Staff and partners read (the API and
 * HSDS); staff search the resource library; only administrators change the directory and the library and run their
 * commands; nothing is anonymous but health, the public read of published resources, the public HSDS read and the
 * HSDS profile's patches and schemas.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class DirectoryAuthorizationTest {

    private static final Set<String> READERS = Set.of("agent", "supervisor", "partner", "admin");
    private static final Set<String> ADMIN = Set.of("admin");

    @Test
    void everyEndpointAnswersOnlyItsRoles() throws Exception {
        String token = OrganizationSearchTest.token();
        String read = Organizations.create(Organizations.body(token + " Read"));
        String replaced = Organizations.create(Organizations.body(token + " Replaced"));
        String deleted = Organizations.create(Organizations.body(token + " Deleted"));
        String service = Callers.agent().get("/api/v1/organizations/" + read).then().statusCode(200)
                .extract().path("services[0].id");
        String located = Organizations.create(HsdsPublicReadTest.locatedOrganization(token + " Located", false, false,
                false));
        String atLocation = Callers.agent().get("/hsds/organizations/" + located + "?full_service=true")
                .then().statusCode(200).extract().path("services[0].service_at_locations[0].id");
        String exported = Callers.agent().get("/hsds/organizations/" + read + "?full_service=true")
                .then().statusCode(200).extract().asString();
        String organization = "/api/v1/organizations/";
        AuthorizationMatrix matrix = new AuthorizationMatrix()
                .endpoint("GET", "/api/v1/organizations", "/api/v1/organizations?need=SHELTER&q=" + token, READERS)
                .endpoint("POST", "/api/v1/organizations", "/api/v1/organizations", ADMIN,
                        json(Organizations.body(token + " Created")))
                .endpoint("GET", "/api/v1/organizations/{id}", organization + read, READERS)
                .endpoint("GET", "/api/v1/organizations/verification-due", "/api/v1/organizations/verification-due",
                        Set.of("supervisor", "admin"))
                .endpoint("PUT", "/api/v1/organizations/{id}", organization + replaced, ADMIN,
                        json(Organizations.body(token + " Replaced again")))
                .endpoint("DELETE", "/api/v1/organizations/{id}", organization + deleted, ADMIN)
                .endpoint("POST", "/api/v1/admin/hsds/import", "/api/v1/admin/hsds/import", ADMIN,
                        json("[" + exported + "]"))
                .endpoint("POST", "/api/v1/admin/organizations/republish", "/api/v1/admin/organizations/republish",
                        ADMIN)
                .endpoint("POST", "/api/v1/admin/organizations/generate",
                        "/api/v1/admin/organizations/generate?count=1&seed=7", ADMIN)
                .endpoint("GET", "/hsds", "/hsds/", READERS)
                .endpoint("GET", "/hsds/services", "/hsds/services?per_page=5", READERS)
                .endpoint("GET", "/hsds/services/{id}", "/hsds/services/" + service, READERS)
                .endpoint("GET", "/hsds/organizations", "/hsds/organizations?per_page=5", READERS)
                .endpoint("GET", "/hsds/organizations/{id}", "/hsds/organizations/" + read, READERS)
                .endpoint("GET", "/hsds/taxonomies", "/hsds/taxonomies", READERS)
                .endpoint("GET", "/hsds/taxonomies/{id}", "/hsds/taxonomies/" + HsdsApiTest.NEEDS_TAXONOMY, READERS)
                .endpoint("GET", "/hsds/taxonomy_terms", "/hsds/taxonomy_terms", READERS)
                .endpoint("GET", "/hsds/taxonomy_terms/{id}", "/hsds/taxonomy_terms/" + HsdsApiTest.SHELTER_TERM,
                        READERS)
                .endpoint("GET", "/hsds/service_at_locations", "/hsds/service_at_locations?per_page=5", READERS)
                .endpoint("GET", "/hsds/service_at_locations/{id}", "/hsds/service_at_locations/" + atLocation,
                        READERS)
                .endpoint("GET", "/hsds/profile", "/hsds/profile", AuthorizationMatrix.PUBLIC)
                .endpoint("GET", "/hsds/profile/{name}", "/hsds/profile/service.json", AuthorizationMatrix.PUBLIC)
                .endpoint("GET", "/hsds/schema", "/hsds/schema", AuthorizationMatrix.PUBLIC)
                .endpoint("GET", "/hsds/schema/{name}", "/hsds/schema/compiled/service.json",
                        AuthorizationMatrix.PUBLIC);
        String open = "/api/v1/public/hsds";
        matrix.endpoint("GET", open, open, AuthorizationMatrix.PUBLIC)
                .endpoint("GET", open + "/services", open + "/services?per_page=5", AuthorizationMatrix.PUBLIC)
                .endpoint("GET", open + "/services/{id}", open + "/services/" + service, AuthorizationMatrix.PUBLIC)
                .endpoint("GET", open + "/organizations", open + "/organizations?per_page=5",
                        AuthorizationMatrix.PUBLIC)
                .endpoint("GET", open + "/organizations/{id}", open + "/organizations/" + read,
                        AuthorizationMatrix.PUBLIC)
                .endpoint("GET", open + "/service_at_locations", open + "/service_at_locations?per_page=5",
                        AuthorizationMatrix.PUBLIC)
                .endpoint("GET", open + "/service_at_locations/{id}", open + "/service_at_locations/" + atLocation,
                        AuthorizationMatrix.PUBLIC)
                .endpoint("GET", open + "/taxonomies", open + "/taxonomies", AuthorizationMatrix.PUBLIC)
                .endpoint("GET", open + "/taxonomies/{id}", open + "/taxonomies/" + HsdsApiTest.NEEDS_TAXONOMY,
                        AuthorizationMatrix.PUBLIC)
                .endpoint("GET", open + "/taxonomy_terms", open + "/taxonomy_terms", AuthorizationMatrix.PUBLIC)
                .endpoint("GET", open + "/taxonomy_terms/{id}", open + "/taxonomy_terms/" + HsdsApiTest.SHELTER_TERM,
                        AuthorizationMatrix.PUBLIC);
        String resources = "/api/v1/resources/";
        String published = LibraryResources.create(LibraryResources.body(token + " Library", "Read"));
        String withFile = LibraryResources.create(LibraryResources.body(token + " Filed", "File",
                "\"publishedOn\": \"2020-01-01\""));
        Callers.admin().contentType("application/pdf").body(LibraryResources.pdf(token))
                .put(resources + withFile + "/file").then().statusCode(200);
        String retired = LibraryResources.create(LibraryResources.body(token + " Retire", "Retire"));
        String removed = LibraryResources.create(LibraryResources.body(token + " Remove", "Remove"));
        Set<String> staff = Set.of("agent", "supervisor", "admin");
        matrix.endpoint("GET", "/api/v1/resources", "/api/v1/resources?q=" + token, staff)
                .endpoint("POST", "/api/v1/resources", "/api/v1/resources", ADMIN,
                        json(LibraryResources.body(token + " Created", "New")))
                .endpoint("GET", "/api/v1/resources/{id}", resources + published, staff)
                .endpoint("PUT", "/api/v1/resources/{id}", resources + published, ADMIN,
                        json(LibraryResources.body(token + " Library", "Read again")))
                .endpoint("DELETE", "/api/v1/resources/{id}", resources + removed, ADMIN)
                .endpoint("POST", "/api/v1/resources/{id}/retire", resources + retired + "/retire", ADMIN)
                .endpoint("PUT", "/api/v1/resources/{id}/file", resources + withFile + "/file", ADMIN,
                        r -> r.contentType("application/pdf").body(LibraryResources.pdf(token)))
                .endpoint("GET", "/api/v1/resources/{id}/file", resources + withFile + "/file", staff)
                .endpoint("GET", "/api/v1/public/resources", "/api/v1/public/resources?q=" + token,
                        AuthorizationMatrix.PUBLIC)
                .endpoint("GET", "/api/v1/public/resources/{id}", "/api/v1/public/resources/" + published,
                        AuthorizationMatrix.PUBLIC)
                .endpoint("GET", "/api/v1/public/resources/{id}/file",
                        "/api/v1/public/resources/" + withFile + "/file", AuthorizationMatrix.PUBLIC);
        matrix.platformAdministration();
        matrix.coversOpenApi();
        matrix.matchesReadme(java.nio.file.Path.of("README.md"));
        assertThat(matrix.verify()).isEqualTo((18 + 6 + 11 + 11 + 4) * AuthorizationMatrix.CALLERS.size());

        // The allowed calls did what they say: the admin's changes took effect.
        Callers.agent().get(organization + replaced).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo(token + " Replaced again"));
        Callers.agent().get(organization + deleted).then().statusCode(404);
        assertThat(OrganizationSearchTest.ids(token, "")).hasSize(4);
    }

    @Test
    void healthAndTheApiDocumentStayPublic() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
    }

    @Test
    void aTamperedTokenOrNotATokenIsRefused() {
        String[] parts = TestTokens.admin().split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(tampered).post("/api/v1/admin/organizations/republish").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/v1/organizations").then().statusCode(401);
    }
}
