package org.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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

/** Staff read what an anonymous reporter added, and keep notes: sealed at rest, every access audited. */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ContactMessagesAndNotesTest {

    @Test
    void staffReadTheReportersAddedMessagesOldestFirstAndEachReadIsAudited() throws Exception {
        JsonPath receipt = given().contentType(ContentType.JSON).body("{\"description\": \"first report\"}")
                .post("/api/v1/tips").then().statusCode(202).extract().jsonPath();
        String reference = receipt.getString("reference");
        for (String text : List.of("CANARY-one they moved the workers", "CANARY-two a van comes at 6")) {
            given().contentType(ContentType.JSON).header("Follow-Up-Code", receipt.getString("followUpCode"))
                    .body("{\"message\": \"" + text + "\"}")
                    .post("/api/v1/tips/" + reference + "/messages").then().statusCode(202);
        }

        given().auth().oauth2(TestTokens.agent()).get("/api/v1/contacts/" + reference + "/messages")
                .then().statusCode(200)
                .body("text", contains("CANARY-one they moved the workers", "CANARY-two a van comes at 6"))
                .body("[0].receivedAt", not(equalTo(null)));
        assertThat(IntakeDatabase.auditTrail(reference)).containsExactly("test-agent contact.messages.view");
        assertThat(IntakeDatabase.storedRows(reference)).doesNotContain("CANARY");

        String call = given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("{\"callType\": \"GENERAL_INFO\"}").post("/api/v1/calls").then().statusCode(201)
                .extract().path("reference");
        given().auth().oauth2(TestTokens.agent()).get("/api/v1/contacts/" + call + "/messages")
                .then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(TestTokens.agent()).get("/api/v1/contacts/TIP-0000000000/messages")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void notesAreAppendedWithTheirAuthorSealedListedOldestFirstAndAudited() throws Exception {
        String reference = given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("{\"callType\": \"REFERRAL_REQUEST\"}").post("/api/v1/calls").then().statusCode(201)
                .extract().path("reference");

        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("{\"text\": \"CANARY-note called back, no answer\"}")
                .post("/api/v1/contacts/" + reference + "/notes").then().statusCode(201)
                .body("author", equalTo("test-agent"))
                .body("text", equalTo("CANARY-note called back, no answer"))
                .body("createdAt", not(equalTo(null)));
        given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON)
                .body("{\"text\": \"CANARY-note shelter found\"}")
                .post("/api/v1/contacts/" + reference + "/notes").then().statusCode(201)
                .body("author", equalTo("test-supervisor"));

        given().auth().oauth2(TestTokens.agent()).get("/api/v1/contacts/" + reference + "/notes")
                .then().statusCode(200)
                .body("author", contains("test-agent", "test-supervisor"))
                .body("text", contains("CANARY-note called back, no answer", "CANARY-note shelter found"));
        assertThat(IntakeDatabase.auditTrail(reference)).containsExactly("test-agent contact.note.add",
                "test-supervisor contact.note.add", "test-agent contact.notes.view");
        assertThat(IntakeDatabase.storedRows(reference)).doesNotContain("CANARY");
    }

    @Test
    void aNoteNeedsTextAndIsNeverChangedOrRemoved() throws SQLException {
        String reference = given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("{\"callType\": \"GENERAL_INFO\"}").post("/api/v1/calls").then().statusCode(201)
                .extract().path("reference");
        for (String body : List.of("{\"text\": \"  \"}", "{}", "{\"text\": \"" + "x".repeat(20_001) + "\"}")) {
            given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/contacts/" + reference + "/notes").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", contains("text"))
                    .body(not(containsString("xxxxxxxx")));
        }
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON).body("{\"text\": \"kept\"}")
                .post("/api/v1/contacts/TIP-0000000000/notes").then().statusCode(404);
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON).body("{\"text\": \"kept\"}")
                .post("/api/v1/contacts/" + reference + "/notes").then().statusCode(201);

        try (Connection db = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                Statement s = db.createStatement()) {
            String note = "(SELECT n.id FROM intake.contact_note n JOIN intake.contact c ON c.id = n.contact_id "
                    + "WHERE c.reference = '" + reference + "')";
            for (String change : List.of("UPDATE intake.contact_note SET author = 'someone else' WHERE id = " + note,
                    "UPDATE intake.contact_note SET sealed_text = 'x'::bytea WHERE id = " + note,
                    "DELETE FROM intake.contact_note WHERE id = " + note)) {
                assertThatThrownBy(() -> s.executeUpdate(change)).isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
        }
        given().auth().oauth2(TestTokens.agent()).get("/api/v1/contacts/" + reference + "/notes")
                .then().statusCode(200).body("text", contains("kept"));
    }
}
