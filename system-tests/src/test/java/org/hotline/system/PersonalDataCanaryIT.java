package org.hotline.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

/**
 * A marker planted in every personal field of a tip, a message and a call must be found nowhere at rest or in
 * transit outside intake's sealed columns: not in a dump of the database, not in PostgreSQL's files, not in Kafka's
 * log segments, not in any service's log, while staff can still read it through the authorised API. The system is
 * the shared one ({@link SharedSystem}): what the other classes wrote is scanned too, and must hold no canary either.
 */
@ExtendWith(SharedSystem.class)
class PersonalDataCanaryIT {

    @Test
    void theCanaryIsInNoDumpNoKafkaSegmentAndNoLog() throws Exception {
        String canary = "CANARY" + UUID.randomUUID().toString().replace("-", "");
        // Phones must look like phones: this one is a canary of digits, checked like the other.
        String phoneCanary = String.valueOf(1_000_000_000L + (long) (Math.random() * 8_999_999_999L));
        String intake = SharedSystem.stack().url("intake-service");
        JsonPath tip = given().baseUri(intake).contentType(ContentType.JSON).body("""
                        {"description": "%1$s in the description", "traffickingType": "LABOR",
                         "needs": ["LABOR_RIGHTS"],
                         "location": {"city": "Salinas", "state": "CA", "postalCode": "93901"},
                         "reporter": {"anonymous": false, "name": "%1$s Name", "phone": "+%2$s",
                                      "email": "%1$s@example.org", "consentToLawEnforcement": false}}"""
                        .formatted(canary, phoneCanary))
                .post("/api/v1/tips").then().statusCode(202).extract().jsonPath();
        JsonPath anonymousTip = given().baseUri(intake).contentType(ContentType.JSON)
                .body("{\"description\": \"%s anonymous\", \"needs\": [\"SHELTER\"]}".formatted(canary))
                .post("/api/v1/tips").then().statusCode(202).extract().jsonPath();
        given().baseUri(intake).contentType(ContentType.JSON)
                .header("Follow-Up-Code", anonymousTip.getString("followUpCode"))
                .body("{\"message\": \"%s in a later message\"}".formatted(canary))
                .post("/api/v1/tips/" + anonymousTip.getString("reference") + "/messages").then().statusCode(202);
        String call = given().baseUri(intake).auth().oauth2(token("agent")).contentType(ContentType.JSON)
                .body("{\"callType\": \"TIP\", \"summary\": \"%s in the agent's summary\", \"needs\": [\"LEGAL\"]}"
                        .formatted(canary))
                .post("/api/v1/calls").then().statusCode(201).extract().path("reference");
        // Bad input that quotes the canary must not echo it either.
        given().baseUri(intake).contentType(ContentType.JSON)
                .body("{\"description\": \"%1$s\", \"channel\": \"%1$s\"}".formatted(canary))
                .post("/api/v1/tips").then().statusCode(400);

        // Let every event travel: decisions made, follow-ups scheduled.
        for (String reference : List.of(tip.getString("reference"), anonymousTip.getString("reference"), call)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    given().baseUri(SharedSystem.stack().url("routing-service")).auth().oauth2(token("supervisor"))
                            .get("/api/v1/decisions/" + reference).statusCode() == 200);
        }
        // Staff can read it: the data is protected, not lost.
        given().baseUri(intake).auth().oauth2(token("agent")).get("/api/v1/contacts/" + tip.getString("reference"))
                .then().statusCode(200).body("reporter.name", equalTo(canary + " Name"))
                .body("reporter.phone", equalTo("+" + phoneCanary));

        String dump = logicalDump();
        assertThat(dump).as("the dump of every table of every schema").contains(tip.getString("reference"))
                .doesNotContain(canary).doesNotContain(phoneCanary);
        checkpoint();
        Path data = SharedSystem.data();
        for (String marker : List.of(canary, phoneCanary)) {
            byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
            assertThat(filesContaining(data.resolve("postgres"), needle)).as("PostgreSQL's files").isEmpty();
            assertThat(filesContaining(data.resolve("kafka"), needle)).as("Kafka's log segments").isEmpty();
            assertThat(filesContaining(data.resolve("logs"), needle)).as("the services' and broker's logs").isEmpty();
        }
        // The scan finds what is there: the tip's reference (not personal) is in both stores' files.
        byte[] reference = tip.getString("reference").getBytes(StandardCharsets.UTF_8);
        assertThat(filesContaining(data.resolve("postgres"), reference)).isNotEmpty();
        assertThat(filesContaining(data.resolve("kafka"), reference)).isNotEmpty();
    }

    /** What pg_dump's data section holds: every row of every table in every schema, as COPY text. */
    private static String logicalDump() throws SQLException, IOException {
        StringWriter dump = new StringWriter();
        try (Connection db = admin(); Statement s = db.createStatement();
                // COPY (SELECT ...): plain COPY refuses a partitioned table (statistics_cell); its rows are read twice.
                ResultSet tables = s.executeQuery("SELECT schemaname, tablename FROM pg_tables "
                        + "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add('"' + tables.getString(1) + "\".\"" + tables.getString(2) + '"');
            }
            assertThat(names).contains("\"intake\".\"contact\"", "\"audit\".\"personal_data_access\"",
                    "\"routing\".\"decision\"");
            for (String table : names) {
                dump.append("-- ").append(table).append('\n');
                db.unwrap(PGConnection.class).getCopyAPI()
                        .copyOut("COPY (SELECT * FROM " + table + ") TO STDOUT", dump);
            }
        }
        return dump.toString();
    }

    private static void checkpoint() throws SQLException {
        try (Connection db = admin(); Statement s = db.createStatement()) {
            s.execute("CHECKPOINT");
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + SharedSystem.stack().postgres().port()
                + "/hotline", "postgres", "");
    }

    private static List<Path> filesContaining(Path folder, byte[] needle) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> contains(f, needle)).toList();
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            if (Files.exists(file)) {
                throw new UncheckedIOException(e);
            }
            return false;
        }
        outer:
        for (int i = 0; i <= content.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (content[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String token(String role) {
        return SharedSystem.token(role);
    }
}
