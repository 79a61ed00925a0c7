package org.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** Staff reply to an anonymous reporter, who reads the replies with the follow-up code; sealed and audited. */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ReporterRepliesTest {

    @Test
    void staffReplyAndTheReporterReadsTheRepliesWithTheCodeButNotWhoWroteThem() throws Exception {
        JsonPath receipt = submit("{\"description\": \"they keep our passports\"}");
        String reference = receipt.getString("reference");
        String code = receipt.getString("followUpCode");

        given().header("Follow-Up-Code", code).when().get("/api/v1/tips/" + reference + "/status")
                .then().statusCode(200).body("replies", hasSize(0));

        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("{\"text\": \"CANARY-reply We have passed this to a legal aid partner. Are you safe?\"}")
                .when().post("/api/v1/contacts/" + reference + "/replies")
                .then().statusCode(201)
                .body("author", equalTo("test-agent"))
                .body("createdAt", notNullValue())
                .body("text", equalTo("CANARY-reply We have passed this to a legal aid partner. Are you safe?"));
        given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON)
                .body("{\"text\": \"Second reply\"}")
                .when().post("/api/v1/contacts/" + reference + "/replies").then().statusCode(201);

        given().auth().oauth2(TestTokens.supervisor()).when().get("/api/v1/contacts/" + reference + "/replies")
                .then().statusCode(200)
                .body("text", equalTo(List.of(
                        "CANARY-reply We have passed this to a legal aid partner. Are you safe?", "Second reply")))
                .body("author", equalTo(List.of("test-agent", "test-supervisor")));

        given().header("Follow-Up-Code", code).when().get("/api/v1/tips/" + reference + "/status")
                .then().statusCode(200)
                .body("replies", hasSize(2))
                .body("replies[0].text", equalTo(
                        "CANARY-reply We have passed this to a legal aid partner. Are you safe?"))
                .body("replies[0].createdAt", notNullValue())
                .body("replies[0].author", nullValue())
                .body("replies[1].text", equalTo("Second reply"));

        assertThat(sealedTexts(reference)).hasSize(2)
                .allSatisfy(sealed -> assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                        .doesNotContain("CANARY"));
        assertThat(auditedActions(reference))
                .containsExactly("reply.reporter-read", "reply.write", "reply.write", "reply.list",
                        "reply.reporter-read");
    }

    @Test
    void onlyAnAnonymousReporterWithACodeCanBeRepliedTo() {
        String named = submit("""
                {"description": "named", "reporter": {"anonymous": false, "name": "A. Person", "phone": "555-010-0200"}}""")
                .getString("reference");
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON).body("{\"text\": \"hello\"}")
                .when().post("/api/v1/contacts/" + named + "/replies")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON).body("{\"text\": \"hello\"}")
                .when().post("/api/v1/contacts/TIP-NOSUCHTIP0/replies")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON).body("{\"text\": \" \"}")
                .when().post("/api/v1/contacts/" + named + "/replies")
                .then().statusCode(400).body("violations[0].field", equalTo("text"));
    }

    private static JsonPath submit(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/tips").then().statusCode(202)
                .extract().jsonPath();
    }

    private static List<byte[]> sealedTexts(String reference) throws Exception {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT r.sealed_text FROM intake.reply r JOIN "
                        + "intake.contact c ON c.id = r.contact_id WHERE c.reference = ?")) {
            s.setString(1, reference);
            List<byte[]> texts = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    texts.add(rs.getBytes(1));
                }
            }
            return texts;
        }
    }

    private static List<String> auditedActions(String reference) throws Exception {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT action FROM audit.personal_data_access WHERE reference = ? ORDER BY id")) {
            s.setString(1, reference);
            List<String> actions = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
            return actions;
        }
    }
}
