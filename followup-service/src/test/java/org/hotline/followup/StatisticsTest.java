package org.hotline.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.followup.FollowupTestSupport.PATIENCE;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.contracts.EventCodec;
import org.hotline.contracts.EventType;
import org.hotline.contracts.Topics;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.contracts.vocabulary.Urgency;
import org.hotline.platform.inbox.PoisonRecordException;
import org.hotline.testsupport.EmbeddedKafka;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The statistics read model on the real topics: each event counted once across a redelivery and a rebuild, events
 * counted whichever topic is read first, and small counts suppressed in the API, the CSV and the public page so that
 * they cannot be worked out from the totals; the public sees only what was published. Each test counts on a day of
 * its own (days nobody else's events fall on), so the tests sharing the broker do not disturb its figures.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class StatisticsTest {

    private static final Duration LONG_PATIENCE = Duration.ofMinutes(3);

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void eachEventIsCountedOnceAcrossARedeliveryAndARebuild() throws Exception {
        LocalDate day = LocalDate.of(2019, 3, 13);
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            calls.add(Decisions.reference(ContactKind.CALL));
        }
        // Decisions, referrals and follow-ups of the first calls are published before the calls themselves: the
        // read model must hold them until their contact is known.
        for (int i = 0; i < 5; i++) {
            String reference = calls.get(i);
            UUID referral = UUID.randomUUID();
            UUID followup = UUID.randomUUID();
            kafka.publishEvent(referral.toString(), StatisticsEvents.acknowledgement(referral, reference, day));
            kafka.publishEvent(followup.toString(), StatisticsEvents.completed(followup, reference, day));
            kafka.publishEvent(reference, StatisticsEvents.decision(reference, day, Urgency.URGENT));
            kafka.publishEvent(reference, StatisticsEvents.referral(referral, reference, day));
            kafka.publishEvent(followup.toString(), StatisticsEvents.scheduled(followup, reference, day));
        }
        // Every call is published twice with the same CloudEvents id (a redelivery), the tips too.
        for (String reference : calls) {
            kafka.publishEventTwice(reference, StatisticsEvents.call(reference, day, CallType.CRISIS, "WY"));
        }
        List<String> tips = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String reference = Decisions.reference(ContactKind.TIP);
            tips.add(reference);
            kafka.publishEventTwice(reference, StatisticsEvents.tip(reference, day, TraffickingType.LABOR, "WY"));
        }
        Map<String, Long> expected = Map.of(
                "contactsByCallType/CRISIS", 7L, "contactsByCallType/TIP", 5L, "contactsByCallerType/UNKNOWN", 5L,
                "contactsByChannel/PHONE", 7L, "contactsByUrgency/URGENT", 5L, "tipsByTraffickingType/LABOR", 5L,
                "referralsIssuedByNeed/SHELTER", 5L, "referralsAcknowledgedByNeed/SHELTER", 5L,
                "followups/COMPLETED_WITHIN_TARGET", 5L);
        awaitFigures(day, "WY", expected);
        // Two business hours each: the median is the midpoint of the 2:00-2:15 bucket.
        assertThat(statistics(day, "WY").getDouble("periods[0].firstResponse.businessHours")).isEqualTo(2.125);

        // A rebuild re-reads every topic from its beginning into a fresh generation and swaps: the same figures.
        int before = activeGeneration();
        int rebuilt = rebuild();
        assertThat(rebuilt).isGreaterThan(before);
        assertThat(figures(statistics(day, "WY"))).containsAllEntriesOf(expected);
        assertThat(FollowupTestSupport.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'followup' "
                + "AND tablename = ?", "statistics_cell_g" + before)).as("the retired generation's tables").isZero();

        // Redelivered once more after the rebuild, followed on the same partition by a new call: only the new call
        // counts.
        kafka.publishEventTwice(calls.get(0), StatisticsEvents.call(calls.get(0), day, CallType.CRISIS, "WY"));
        String late = Decisions.reference(ContactKind.CALL);
        kafka.publishEvent(calls.get(0), StatisticsEvents.call(late, day, CallType.CRISIS, "WY"));
        Map<String, Long> withLate = new java.util.HashMap<>(expected);
        withLate.put("contactsByCallType/CRISIS", 8L);
        withLate.put("contactsByChannel/PHONE", 8L);
        awaitFigures(day, "WY", withLate);
        // Every state together holds the same counts for this day (nobody else counts on it).
        assertThat(figures(statistics(day, null))).containsAllEntriesOf(withLate);
    }

    @Test
    void aCellOfThreeIsSuppressedAndCannotBeWorkedOutFromTheTotals() {
        LocalDate day = LocalDate.of(2018, 6, 5);
        publishCalls(day, "VT", CallType.CRISIS, 3);
        publishCalls(day, "VT", CallType.REFERRAL_REQUEST, 7);
        publishCalls(day, "VT", CallType.GENERAL_INFO, 12);
        awaitFigures(day, "VT", Map.of("contactsByChannel/PHONE", 22L));

        JsonPath report = statistics(day, "VT");
        String line = "periods[0].figures.contactsByCallType.find { it.value == '%s' }";
        assertThat(report.getString(line.formatted("CRISIS") + ".display")).isEqualTo("<5");
        assertThat(report.getString(line.formatted("CRISIS") + ".count")).isNull();
        assertThat(report.getString(line.formatted("CRISIS") + ".suppressed")).isEqualTo("BELOW_THRESHOLD");
        assertThat(report.getString(line.formatted("REFERRAL_REQUEST") + ".display")).isEqualTo("x");
        assertThat(report.getString(line.formatted("REFERRAL_REQUEST") + ".count")).isNull();
        assertThat(report.getLong(line.formatted("GENERAL_INFO") + ".count")).isEqualTo(12);
        assertThat(report.prettify()).doesNotContain("\"count\": 3,").doesNotContain("\"count\": 7,");
        // The total (22 by channel) less every count shown leaves several possible values for the cell of 3.
        assertThat(possibleValues(report.getList("periods[0].figures.contactsByCallType"), 22, "CRISIS"))
                .hasSizeGreaterThan(1);
        // Every state together: the same suppression.
        assertThat(statistics(day, null).getString(line.formatted("CRISIS") + ".display")).isEqualTo("<5");

        String csv = staff().accept("text/csv").queryParams(range(day, "VT")).get("/api/v1/statistics").then()
                .statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(csv).contains("2018-06-05,2018-06-05,VT,contactsByCallType,CRISIS,<5\r\n")
                .contains("2018-06-05,2018-06-05,VT,contactsByCallType,REFERRAL_REQUEST,x\r\n")
                .contains("2018-06-05,2018-06-05,VT,contactsByCallType,GENERAL_INFO,12\r\n")
                .contains("2018-06-05,2018-06-05,VT,contactsByChannel,PHONE,22\r\n");
        assertThat(staff().queryParams(range(day, "VT")).get("/api/v1/statistics.csv").then().statusCode(200)
                .extract().asString()).isEqualTo(csv);

        String id = publish("Vermont, 5 June 2018", day, day);
        String page = given().get("/statistics/" + id).then().statusCode(200).contentType(ContentType.HTML)
                .extract().asString();
        assertThat(row(page, "VT-2018-06-05-contactsByCallType", "CRISIS")).isEqualTo("&lt;5");
        assertThat(row(page, "VT-2018-06-05-contactsByCallType", "REFERRAL_REQUEST")).isEqualTo("x");
        assertThat(row(page, "VT-2018-06-05-contactsByCallType", "GENERAL_INFO")).isEqualTo("12");
        assertThat(row(page, "all-2018-06-05-contactsByCallType", "CRISIS")).isEqualTo("&lt;5");
        JsonPath published = given().get("/api/v1/statistics/publications/" + id).then().statusCode(200).extract()
                .jsonPath();
        assertThat(published.getString("states.VT[0].figures.contactsByCallType.find { it.value == 'CRISIS' }"
                + ".display")).isEqualTo("<5");
        assertThat(possibleValues(published.getList("states.VT[0].figures.contactsByCallType"), 22, "CRISIS"))
                .hasSizeGreaterThan(1);
    }

    @Test
    void thePublicSeesOnlyPublishedFigures() {
        LocalDate day = LocalDate.of(2017, 9, 19);
        publishCalls(day, "ND", CallType.GENERAL_INFO, 6);
        awaitFigures(day, "ND", Map.of("contactsByCallType/GENERAL_INFO", 6L));

        // Live figures need a staff token; nothing is public before it is published.
        given().queryParams(range(day, "ND")).get("/api/v1/statistics").then().statusCode(401);
        given().queryParams(range(day, "ND")).get("/api/v1/statistics.csv").then().statusCode(401);
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).queryParams(range(day, "ND"))
                .get("/api/v1/statistics").then().statusCode(403);
        assertThat(given().get("/statistics").then().statusCode(200).extract().asString())
                .doesNotContain("North Dakota, 19 September 2017");

        String id = publish("North Dakota, 19 September 2017", day, day);
        publishCalls(day, "ND", CallType.GENERAL_INFO, 4);
        awaitFigures(day, "ND", Map.of("contactsByCallType/GENERAL_INFO", 10L));

        // The publication stays as it was published; the list links it.
        assertThat(given().get("/statistics").then().statusCode(200).extract().asString())
                .contains("North Dakota, 19 September 2017").contains("/statistics/" + id);
        String page = given().get("/statistics/" + id).then().statusCode(200).extract().asString();
        assertThat(row(page, "ND-2017-09-19-contactsByCallType", "GENERAL_INFO")).isEqualTo("6");
        assertThat(given().get("/api/v1/statistics/publications/" + id).then().statusCode(200).extract().jsonPath()
                .getLong("states.ND[0].figures.contactsByCallType.find { it.value == 'GENERAL_INFO' }.count"))
                .isEqualTo(6);
        // A second publication over the same day would let a reader subtract one from the other.
        given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON)
                .body(Map.of("title", "again", "from", day.toString(), "to", day.toString(), "granularity", "day"))
                .post("/api/v1/statistics/publications").then().statusCode(409);
        given().get("/statistics/" + UUID.randomUUID()).then().statusCode(404);

        // Withdrawn, it is public no more.
        given().auth().oauth2(TestTokens.supervisor()).delete("/api/v1/statistics/publications/" + id).then()
                .statusCode(204);
        given().get("/statistics/" + id).then().statusCode(404);
        assertThat(given().get("/statistics").then().statusCode(200).extract().asString())
                .doesNotContain("/statistics/" + id);
    }

    /**
     * A poison record among sound ones, all in one producer batch on one partition (so one poll, one batch of the
     * consumer): it goes alone to the dead-letter topic, with the headers the redrive reads the original back by, and
     * the records around it are counted, in one transaction, once.
     */
    @Test
    void aPoisonRecordInABatchGoesAloneToTheDeadLetterTopicAndTheRestOfTheBatchIsCounted() throws Exception {
        LocalDate day = LocalDate.of(2016, 4, 12);
        String key = Decisions.reference(ContactKind.CALL);
        EventCodec codec = new EventCodec();
        List<UUID> sound = new ArrayList<>();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "200");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < 7; i++) {
                ProducerRecord<String, String> record;
                if (i == 3) {
                    record = record(key, "CANARY-garbage not json {", UUID.randomUUID());
                } else {
                    UUID id = UUID.randomUUID();
                    sound.add(id);
                    String reference = Decisions.reference(ContactKind.CALL);
                    record = record(key, codec.encode(StatisticsEvents.call(reference, day, CallType.GENERAL_INFO,
                            "RI")), id);
                }
                producer.send(record);
            }
            producer.flush();
        }
        awaitFigures(day, "RI", Map.of("contactsByCallType/GENERAL_INFO", 6L, "contactsByChannel/PHONE", 6L));

        List<ConsumerRecord<String, String>> dead = kafka.await(Topics.FOLLOWUP_DEAD_LETTER,
                r -> key.equals(r.key()), 1, PATIENCE);
        assertThat(dead).hasSize(1);
        ConsumerRecord<String, String> letter = dead.get(0);
        assertThat(letter.value()).isEqualTo("CANARY-garbage not json {");
        List<ConsumerRecord<String, String>> original = kafka.readAll(Topics.INTAKE_CALLS,
                r -> key.equals(r.key()) && r.value().startsWith("CANARY"));
        assertThat(original).hasSize(1);
        assertThat(KafkaTestClient.header(letter, "dead-letter-topic")).isEqualTo(Topics.INTAKE_CALLS);
        assertThat(KafkaTestClient.header(letter, "dead-letter-partition"))
                .isEqualTo(Integer.toString(original.get(0).partition()));
        assertThat(KafkaTestClient.header(letter, "dead-letter-offset"))
                .isEqualTo(Long.toString(original.get(0).offset()));
        assertThat(KafkaTestClient.header(letter, "dead-letter-exception-class-name"))
                .isEqualTo(PoisonRecordException.class.getName());
        assertThat(KafkaTestClient.header(letter, "dead-letter-reason")).contains("followup-statistics")
                .contains("not JSON").doesNotContain("CANARY");
        assertThat(KafkaTestClient.header(letter, CloudEventHeaders.TYPE)).isEqualTo(EventType.CALL_RECEIVED.type());

        // The six sound records, three on each side of the poison, were counted in one transaction (one batch).
        String ids = String.join(",", sound.stream().map(UUID::toString).toList());
        assertThat(FollowupTestSupport.count("SELECT count(*) FROM (SELECT consumer FROM followup.processed_event "
                + "WHERE event_id = ANY (CAST(string_to_array(?, ',') AS uuid[])) AND consumer LIKE "
                + "'followup-statistics-g%' GROUP BY consumer HAVING count(*) = 6 "
                + "AND count(DISTINCT processed_at) = 1) batch", ids)).isGreaterThanOrEqualTo(1);
        // Nothing else of the batch went to the dead-letter topic, and a redrive finds the letter still poison.
        assertThat(kafka.readAll(Topics.FOLLOWUP_DEAD_LETTER, r -> key.equals(r.key()))).hasSize(1);
        assertThat(given().auth().oauth2(TestTokens.admin()).post("/api/v1/admin/dead-letters/redrive").then()
                .statusCode(200).extract().jsonPath().getInt("stillPoison")).isGreaterThanOrEqualTo(1);
        assertThat(figures(statistics(day, "RI"))).containsEntry("contactsByCallType/GENERAL_INFO", 6L);
    }

    private static ProducerRecord<String, String> record(String key, String value, UUID id) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.INTAKE_CALLS, key, value);
        KafkaTestClient.cloudEventHeaders(id, EventType.CALL_RECEIVED).forEach((name, v) -> record.headers()
                .add(name, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    @Test
    void badParametersAreNamed() {
        staff().queryParam("from", "yesterday").queryParam("granularity", "hour").queryParam("state", "Vermont")
                .get("/api/v1/statistics").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("from", "granularity", "state"));
        staff().queryParam("from", "2019-01-02").queryParam("to", "2019-01-01").get("/api/v1/statistics").then()
                .statusCode(400).body("violations.field", org.hamcrest.Matchers.contains("to"));
        staff().queryParam("from", "2000-01-01").queryParam("to", "2019-01-01").get("/api/v1/statistics").then()
                .statusCode(400).body("violations.field", org.hamcrest.Matchers.contains("from"));
        given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON).body("{\"granularity\": \"x\"}")
                .post("/api/v1/statistics/publications").then().statusCode(400).body("violations.field",
                        org.hamcrest.Matchers.containsInAnyOrder("title", "from", "to", "granularity"));
    }

    // ------------------------------------------------------------------------------------------------------------

    private void publishCalls(LocalDate day, String state, CallType type, int n) {
        for (int i = 0; i < n; i++) {
            String reference = Decisions.reference(ContactKind.CALL);
            kafka.publishEvent(reference, StatisticsEvents.call(reference, day, type, state));
        }
    }

    private static RequestSpecification staff() {
        return given().auth().oauth2(TestTokens.agent());
    }

    private static Map<String, String> range(LocalDate day, String state) {
        return state == null ? Map.of("from", day.toString(), "to", day.toString(), "granularity", "day")
                : Map.of("from", day.toString(), "to", day.toString(), "granularity", "day", "state", state);
    }

    private static JsonPath statistics(LocalDate day, String state) {
        return staff().queryParams(range(day, state)).get("/api/v1/statistics").then().statusCode(200).extract()
                .jsonPath();
    }

    /** Every shown count of the day's only period, as {@code figure/value}. */
    private static Map<String, Long> figures(JsonPath report) {
        Map<String, List<Map<String, Object>>> figures = report.getMap("periods[0].figures");
        Map<String, Long> shown = new java.util.HashMap<>();
        figures.forEach((figure, cells) -> cells.forEach(cell -> {
            if (cell.get("count") != null) {
                shown.put(figure + "/" + cell.get("value"), ((Number) cell.get("count")).longValue());
            }
        }));
        return shown;
    }

    private static void awaitFigures(LocalDate day, String state, Map<String, Long> expected) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(figures(statistics(day, state))).containsAllEntriesOf(expected));
    }

    private static int activeGeneration() {
        try {
            return (int) FollowupTestSupport.count(
                    "SELECT id FROM followup.statistics_generation WHERE status = ?", "ACTIVE");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a rebuild (waiting out one another test started) and waits until it is the active generation. */
    private static int rebuild() {
        int[] generation = new int[1];
        await().atMost(LONG_PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            var response = given().auth().oauth2(TestTokens.admin()).post("/api/v1/statistics/rebuilds");
            if (response.statusCode() == 202) {
                generation[0] = response.jsonPath().getInt("id");
                return true;
            }
            assertThat(response.statusCode()).isEqualTo(409);
            return false;
        });
        await().atMost(LONG_PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            String status = given().auth().oauth2(TestTokens.admin())
                    .get("/api/v1/statistics/rebuilds/" + generation[0]).then().statusCode(200).extract()
                    .path("status");
            assertThat(status).isIn("BUILDING", "ACTIVE");
            return status.equals("ACTIVE");
        });
        return generation[0];
    }

    private static String publish(String title, LocalDate from, LocalDate to) {
        return given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON)
                .body(Map.of("title", title, "from", from.toString(), "to", to.toString(), "granularity", "day"))
                .post("/api/v1/statistics/publications").then().statusCode(201).extract().path("id");
    }

    /** The count shown in a table of the page for a value. */
    private static String row(String page, String tableId, String value) {
        int table = page.indexOf("<table id=\"" + tableId + "\">");
        assertThat(table).as("table %s", tableId).isNotNegative();
        String body = page.substring(table, page.indexOf("</table>", table));
        Matcher m = Pattern.compile("<th scope=\"row\">" + Pattern.quote(value) + "</th><td[^>]*>([^<]*)</td>")
                .matcher(body);
        assertThat(m.find()).as("row %s of %s", value, tableId).isTrue();
        return m.group(1);
    }

    /**
     * What a reader knowing the line's total, the counts shown and the rule (a "&lt;5" cell holds 1 to 4, an "x" cell
     * at least 5) can tell the withheld cell {@code value} holds: every value it can take in some solution.
     */
    private static java.util.Set<Long> possibleValues(List<Map<String, Object>> line, long total, String value) {
        long rest = total;
        List<String> withheld = new ArrayList<>();
        List<Boolean> small = new ArrayList<>();
        for (Map<String, Object> cell : line) {
            if (cell.get("count") != null) {
                rest -= ((Number) cell.get("count")).longValue();
            } else {
                withheld.add((String) cell.get("value"));
                small.add("BELOW_THRESHOLD".equals(cell.get("suppressed")));
            }
        }
        java.util.Set<Long> possible = new java.util.TreeSet<>();
        solve(withheld, small, 0, rest, new long[withheld.size()], withheld.indexOf(value), possible);
        return possible;
    }

    private static void solve(List<String> cells, List<Boolean> small, int i, long left, long[] chosen, int target,
            java.util.Set<Long> possible) {
        if (i == cells.size()) {
            if (left == 0) {
                possible.add(chosen[target]);
            }
            return;
        }
        long low = small.get(i) ? 1 : 5;
        long high = small.get(i) ? 4 : left;
        for (long v = low; v <= Math.min(high, left); v++) {
            chosen[i] = v;
            solve(cells, small, i + 1, left - v, chosen, target, possible);
        }
    }
}
