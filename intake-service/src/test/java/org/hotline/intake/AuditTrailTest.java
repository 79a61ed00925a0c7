package org.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** Every read of personal data leaves a row that intake's own database role can add but never change or remove. */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AuditTrailTest {

    @Test
    void aStaffReadIsRecordedWithWhoWhatAndWhen() throws SQLException {
        String reference = given().contentType(ContentType.JSON).body("{\"description\": \"audited\"}")
                .post("/api/v1/tips").then().statusCode(202).extract().path("reference");
        assertThat(auditRows(reference)).isZero();

        given().auth().oauth2(TestTokens.supervisor()).get("/api/v1/contacts/" + reference).then().statusCode(200);
        given().auth().oauth2(TestTokens.agent()).get("/api/v1/contacts/" + reference).then().statusCode(200);
        // Refused reads show nothing and so record nothing.
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).get("/api/v1/contacts/" + reference)
                .then().statusCode(403);
        given().get("/api/v1/contacts/" + reference).then().statusCode(401);

        try (Connection db = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement rows = db.prepareStatement("SELECT service, actor, roles, action, occurred_at "
                        + "FROM audit.personal_data_access WHERE reference = ? ORDER BY id")) {
            rows.setString(1, reference);
            try (ResultSet rs = rows.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("service")).isEqualTo("intake-service");
                assertThat(rs.getString("actor")).isEqualTo("test-supervisor");
                assertThat(rs.getString("roles")).isEqualTo("supervisor");
                assertThat(rs.getString("action")).isEqualTo("contact.view");
                assertThat(rs.getTimestamp("occurred_at")).isNotNull();
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("actor")).isEqualTo("test-agent");
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void intakesDatabaseRoleCanAppendButNeverChangeOrRemoveTheTrail() throws SQLException {
        try (Connection intake = DriverManager.getConnection(EmbeddedPostgresServer.shared().jdbcUrl(), "intake",
                "intake"); Statement s = intake.createStatement()) {
            assertThat(s.executeUpdate("INSERT INTO audit.personal_data_access (service, actor, roles, action, "
                    + "reference) VALUES ('intake-service', 'role-test', '', 'test', 'AUDIT-ROLE-TEST')")).isEqualTo(1);
            for (String forbidden : new String[] {
                    "UPDATE audit.personal_data_access SET actor = 'someone else'",
                    "DELETE FROM audit.personal_data_access",
                    "TRUNCATE audit.personal_data_access",
                    "DROP TABLE audit.personal_data_access",
                    "ALTER TABLE audit.personal_data_access DISABLE TRIGGER ALL",
                    "INSERT INTO audit.personal_data_access (occurred_at, service, actor, roles, action, reference) "
                            + "VALUES (now() - interval '1 year', 'x', 'x', 'x', 'x', 'x')"}) {
                assertThatThrownBy(() -> s.execute(forbidden)).as(forbidden).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            }
        }
    }

    private static long auditRows(String reference) throws SQLException {
        try (Connection db = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement count = db.prepareStatement(
                        "SELECT count(*) FROM audit.personal_data_access WHERE reference = ?")) {
            count.setString(1, reference);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
