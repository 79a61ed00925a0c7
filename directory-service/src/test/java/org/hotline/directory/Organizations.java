package org.hotline.directory;


import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import io.restassured.http.ContentType;
import org.hotline.testsupport.EmbeddedPostgresServer;

/** Request bodies and shortcuts shared by the directory tests; every body gets a fresh, unique name. */
final class Organizations {

    private Organizations() {
    }

    static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID();
    }

    /** A local organisation with one weekday service in Washoe County, Nevada. */
    static String body(String name) {
        return body(name, service(null, "[\"LEGAL\", \"SHELTER\"]", "America/Los_Angeles", "09:00", "17:00",
                "{\"national\": false, \"states\": [\"NV\"], \"counties\": [\"NV:Washoe\"], \"postalCodes\": [\"89501\"]}"));
    }

    static String body(String name, String... services) {
        return """
                {"name": "%s", "description": "CANARY-description of a test organisation",
                 "lawEnforcement": false, "emergencyDispatch": false, "audiences": ["YOUTH"],
                 "languages": ["es", "en"], "lastVerifiedOn": "2026-10-15",
                 "services": [%s]}""".formatted(name, String.join(", ", services));
    }

    /** One service; {@code id} null leaves it for the directory to assign. */
    static String service(String id, String needs, String timeZone, String opens, String closes, String area) {
        return """
                {%s"name": "Walk-in help", "needs": %s, "phone": "1-775-555-0100",
                 "hours": {"timeZone": "%s", "open24h": false,
                           "weekly": [{"days": ["FRI", "MON", "TUE", "WED", "THU"], "opens": "%s", "closes": "%s"}],
                           "closedDates": ["2026-12-25", "2026-11-26"]},
                 "area": %s}""".formatted(id == null ? "" : "\"id\": \"" + id + "\", ", needs, timeZone, opens,
                closes, area);
    }

    /** An organisation with the given audiences (a JSON array) and last-verified date (null: none). */
    static String organization(String name, String audiences, String lastVerifiedOn, String... services) {
        return """
                {"name": "%s", "description": "A test organisation",
                 "lawEnforcement": false, "emergencyDispatch": false, "audiences": %s,
                 "languages": ["en"], "lastVerifiedOn": %s,
                 "services": [%s]}""".formatted(name, audiences,
                lastVerifiedOn == null ? "null" : "\"" + lastVerifiedOn + "\"", String.join(", ", services));
    }

    /** A service covering {@code needs} (a JSON array) with the given hours and area (JSON objects). */
    static String service(String needs, String hours, String area) {
        return """
                {"name": "Help line", "needs": %s, "phone": "1-800-555-0100", "hours": %s, "area": %s}"""
                .formatted(needs, hours, area);
    }

    /** Hours in {@code timeZone}: {@code weekly} and {@code closedDates} are JSON arrays. */
    static String hours(String timeZone, boolean open24h, String weekly, String closedDates) {
        return """
                {"timeZone": "%s", "open24h": %s, "weekly": %s, "closedDates": %s}"""
                .formatted(timeZone, open24h, weekly, closedDates);
    }

    /** Monday to Friday, opens-closes, in {@code timeZone}, no closed dates. */
    static String weekdays(String timeZone, String opens, String closes) {
        return hours(timeZone, false,
                "[{\"days\": [\"MON\", \"TUE\", \"WED\", \"THU\", \"FRI\"], \"opens\": \"" + opens
                        + "\", \"closes\": \"" + closes + "\"}]", "[]");
    }

    /** Creates the organisation and returns its id. */
    static String create(String body) {
        return Callers.admin().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/organizations")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** Runs a statement on the directory's own schema as its owner (a test removing what it made); the row count. */
    static int execute(String sql, Object... parameters) throws SQLException {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    /** A single value from the directory's own schema, for checking what is stored. */
    static String queryString(String sql, String... parameters) throws SQLException {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
