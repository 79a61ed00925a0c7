package org.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.hotline.intake.service.KeyEncryptionKeys;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** Personal data reaches PostgreSQL only sealed; keys rotate without touching the data; retention shreds it. */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PersonalDataProtectionTest {

    private final DataSource admin = EmbeddedPostgresServer.shared().adminDataSource();

    @Inject
    KeyEncryptionKeys keks;

    @Test
    void storedRowsHoldOnlySealedBytesAndStaffReadThePlainText() throws SQLException {
        String marker = "SEALTEST-" + UUID.randomUUID();
        String reference = identifiedTip(marker);
        JsonPath anonymous = given().contentType(ContentType.JSON).body("{\"description\": \"" + marker + " d\"}")
                .post("/api/v1/tips").then().statusCode(202).extract().jsonPath();
        given().contentType(ContentType.JSON).header("Follow-Up-Code", anonymous.getString("followUpCode"))
                .body("{\"message\": \"" + marker + " message\"}")
                .post("/api/v1/tips/" + anonymous.getString("reference") + "/messages").then().statusCode(202);

        try (Connection db = admin.getConnection(); PreparedStatement rows = db.prepareStatement(
                "SELECT c.description, c.reporter_name, c.reporter_phone, c.reporter_email, c.personal_data, "
                        + "k.kek_id, k.wrapped_key FROM intake.contact c "
                        + "JOIN intake.contact_key k ON k.contact_id = c.id WHERE c.reference IN (?, ?)")) {
            rows.setString(1, reference);
            rows.setString(2, anonymous.getString("reference"));
            int found = 0;
            try (ResultSet rs = rows.executeQuery()) {
                while (rs.next()) {
                    found++;
                    assertThat(rs.getString(1)).isNull();
                    assertThat(rs.getString(2)).isNull();
                    assertThat(rs.getString(3)).isNull();
                    assertThat(rs.getString(4)).isNull();
                    assertThat(rs.getBytes(5)).isNotEmpty();
                    assertThat(new String(rs.getBytes(5), StandardCharsets.ISO_8859_1)).doesNotContain("SEALTEST");
                    assertThat(rs.getString(6)).isEqualTo("test-1");
                    assertThat(rs.getBytes(7)).hasSize(1 + 12 + 32 + 16);
                }
            }
            assertThat(found).isEqualTo(2);
        }
        try (Connection db = admin.getConnection(); PreparedStatement rows = db.prepareStatement(
                "SELECT m.message, m.sealed_message FROM intake.tip_message m JOIN intake.contact c "
                        + "ON c.id = m.contact_id WHERE c.reference = ?")) {
            rows.setString(1, anonymous.getString("reference"));
            try (ResultSet rs = rows.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isNull();
                assertThat(new String(rs.getBytes(2), StandardCharsets.ISO_8859_1)).doesNotContain("SEALTEST");
            }
        }

        given().auth().oauth2(TestTokens.agent()).get("/api/v1/contacts/" + reference).then().statusCode(200)
                .body("description", equalTo(marker + " description"))
                .body("reporter.name", equalTo(marker + " name"))
                .body("reporter.phone", equalTo("+1 555 0100"))
                .body("reporter.email", equalTo("reporter@example.org"))
                .body("personalDataPurged", equalTo(false));
        given().auth().oauth2(TestTokens.agent()).get("/api/v1/contacts/" + anonymous.getString("reference"))
                .then().statusCode(200).body("description", equalTo(marker + " d")).body("reporter", nullValue());
    }

    @Test
    void rotationRewrapsDataKeysUnderARetiredKeyAndLeavesTheSealedDataAlone() throws SQLException {
        String marker = "ROTATE-" + UUID.randomUUID();
        String reference = identifiedTip(marker);
        byte[] sealedBefore = sealedPersonalData(reference);
        // This contact's data key as it was before the current key existed: wrapped by test-0.
        try (Connection db = admin.getConnection(); PreparedStatement key = db.prepareStatement(
                "SELECT k.contact_id, k.wrapped_key FROM intake.contact_key k JOIN intake.contact c "
                        + "ON c.id = k.contact_id WHERE c.reference = ?")) {
            key.setString(1, reference);
            try (ResultSet rs = key.executeQuery()) {
                assertThat(rs.next()).isTrue();
                UUID contactId = rs.getObject(1, UUID.class);
                byte[] dataKey = keks.unwrap("test-1", contactId, rs.getBytes(2));
                try (PreparedStatement update = db.prepareStatement(
                        "UPDATE intake.contact_key SET kek_id = 'test-0', wrapped_key = ? WHERE contact_id = ?")) {
                    update.setBytes(1, keks.wrap("test-0", contactId, dataKey));
                    update.setObject(2, contactId);
                    assertThat(update.executeUpdate()).isEqualTo(1);
                }
            }
        }
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/admin/encryption").then().statusCode(200)
                .body("currentKey", equalTo("test-1"))
                .body("dataKeysByKey.'test-0'", greaterThanOrEqualTo(1));
        // Readable while under the retired key: rotation needs no downtime.
        given().auth().oauth2(TestTokens.supervisor()).get("/api/v1/contacts/" + reference).then().statusCode(200)
                .body("description", equalTo(marker + " description"));

        given().auth().oauth2(TestTokens.admin()).post("/api/v1/admin/encryption/rotation").then().statusCode(200)
                .body("rewrapped", greaterThanOrEqualTo(1))
                .body("dataKeysByKey.'test-0'", nullValue());

        assertThat(sealedPersonalData(reference)).isEqualTo(sealedBefore);
        given().auth().oauth2(TestTokens.supervisor()).get("/api/v1/contacts/" + reference).then().statusCode(200)
                .body("description", equalTo(marker + " description"));
    }

    @Test
    void retentionShredsClosedContactsOnlyAfterThePeriod() throws SQLException {
        String marker = "RETAIN-" + UUID.randomUUID();
        String closedLongAgo = identifiedTip(marker);
        String closedToday = identifiedTip(marker);
        String open = identifiedTip(marker);
        for (String reference : new String[] {closedLongAgo, closedToday}) {
            given().auth().oauth2(TestTokens.supervisor()).post("/api/v1/contacts/" + reference + "/closure")
                    .then().statusCode(200).body("status", equalTo("CLOSED"));
        }
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON).body("{\"text\": \"" + marker
                + " note\"}").post("/api/v1/contacts/" + closedLongAgo + "/notes").then().statusCode(201);
        execute("UPDATE intake.contact SET closed_at = now() - interval '366 days', "
                + "received_at = now() - interval '400 days' WHERE reference = '" + closedLongAgo + "'");
        execute("UPDATE intake.contact SET received_at = now() - interval '400 days' WHERE reference = '" + open + "'");

        given().auth().oauth2(TestTokens.admin()).post("/api/v1/admin/retention/purge").then().statusCode(200)
                .body("purged", greaterThanOrEqualTo(1));

        given().auth().oauth2(TestTokens.supervisor()).get("/api/v1/contacts/" + closedLongAgo).then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("personalDataPurged", equalTo(true))
                .body("description", nullValue())
                .body("reporter", nullValue())
                .body("kind", equalTo("TIP"));
        assertThat(sealedPersonalData(closedLongAgo)).isNull();
        given().auth().oauth2(TestTokens.supervisor()).get("/api/v1/contacts/" + closedLongAgo + "/notes").then()
                .statusCode(200).body("author", org.hamcrest.Matchers.contains("test-agent"))
                .body("[0].text", nullValue());
        assertThat(count("SELECT count(*) FROM intake.contact_note n JOIN intake.contact c ON c.id = n.contact_id "
                + "WHERE c.reference = '" + closedLongAgo + "' AND n.sealed_text IS NOT NULL")).isZero();
        assertThat(count("SELECT count(*) FROM intake.contact_key k JOIN intake.contact c ON c.id = k.contact_id "
                + "WHERE c.reference = '" + closedLongAgo + "'")).isZero();
        for (String kept : new String[] {closedToday, open}) {
            given().auth().oauth2(TestTokens.supervisor()).get("/api/v1/contacts/" + kept).then().statusCode(200)
                    .body("personalDataPurged", equalTo(false))
                    .body("description", equalTo(marker + " description"));
        }
    }

    private static String identifiedTip(String marker) {
        return given().contentType(ContentType.JSON).body("""
                        {"description": "%1$s description",
                         "reporter": {"anonymous": false, "name": "%1$s name", "phone": "+1 555 0100",
                                      "email": "reporter@example.org"}}""".formatted(marker))
                .post("/api/v1/tips").then().statusCode(202).extract().path("reference");
    }

    private byte[] sealedPersonalData(String reference) throws SQLException {
        try (Connection db = admin.getConnection(); PreparedStatement row = db.prepareStatement(
                "SELECT personal_data FROM intake.contact WHERE reference = ?")) {
            row.setString(1, reference);
            try (ResultSet rs = row.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection db = admin.getConnection(); var statement = db.createStatement()) {
            assertThat(statement.executeUpdate(sql)).isEqualTo(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection db = admin.getConnection(); var statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
