package org.hotline.followup;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.TestTokens;

/** Waiting for the consumer and looking into the follow-up schema, for the @QuarkusTest classes. */
final class FollowupTestSupport {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private FollowupTestSupport() {
    }

    /** A request with a supervisor's bearer token (supervisors may call every staff endpoint of this service). */
    static RequestSpecification asSupervisor() {
        return given().auth().oauth2(TestTokens.supervisor());
    }

    /** Waits until the follow-up of {@code reference} can be read through the API, and returns it. */
    static JsonPath awaitFollowup(String reference) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() ->
                asSupervisor().get("/api/v1/followups/" + reference).statusCode() == 200);
        return asSupervisor().get("/api/v1/followups/" + reference).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the decisions consumer has applied (or dropped as a duplicate) the event {@code eventId}. */
    static void awaitProcessed(UUID eventId) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> count(
                "SELECT count(*) FROM followup.processed_event WHERE consumer = 'followup-decisions' AND event_id = ?",
                eventId) == 1);
    }

    static long followupRows(String reference) throws SQLException {
        return count("SELECT count(*) FROM followup.followup WHERE reference = ?", reference);
    }

    static long outboxRows(String key) throws SQLException {
        return count("SELECT count(*) FROM followup.outbox WHERE record_key = ?", key);
    }

    static long count(String sql, Object parameter) throws SQLException {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
