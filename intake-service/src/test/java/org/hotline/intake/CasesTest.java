package org.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.contracts.Topics;
import org.hotline.intake.repository.SignalFingerprintRepository;
import org.hotline.intake.service.MinHash;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** Cases on real Kafka and PostgreSQL: suggestions through blind indexes, merges, events, the typology. */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class CasesTest {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern TIP_REFERENCE = Pattern.compile("TIP-[0-9A-Z]{10}");
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aSecondTipWithTheSameCallbackPhoneIsSuggestedForTheFirstTipsCaseAndNoPhoneIsStoredInClear()
            throws Exception {
        String first = tip("Men sleep in a locked barn behind the packing shed", "(831) 555-0142");
        String caseReference = openCase(first);
        // The same number written differently, a description in other words.
        String second = tip("My cousin says they take his passport at the farm", "+1 831-555-0142");

        Response suggestions = given().auth().oauth2(TestTokens.agent())
                .get("/api/v1/contacts/" + second + "/case-suggestions").then().statusCode(200).extract().response();
        List<Map<String, Object>> found = suggestions.path("findAll { it.caseReference == '" + caseReference + "' }");
        assertThat(found).hasSize(1);
        assertThat((List<String>) found.get(0).get("reasons")).contains("PHONE");
        String suggestionId = (String) found.get(0).get("id");

        for (String reference : List.of(first, second)) {
            String rows = IntakeDatabase.storedRows(reference) + "\n" + String.join("\n", IntakeDatabase.strings("""
                    SELECT row_to_json(i)::text FROM intake.signal_index i JOIN intake.contact c ON c.id = i.contact_id
                        WHERE c.reference = ?
                    UNION ALL SELECT row_to_json(s)::text FROM intake.case_suggestion s
                        JOIN intake.contact c ON c.id = s.contact_id WHERE c.reference = ?
                    UNION ALL SELECT row_to_json(f)::text FROM intake.case_file f WHERE f.reference = ?""",
                    reference, reference, caseReference));
            assertThat(rows).contains(reference.equals(first) ? first : second)
                    .doesNotContain("555-0142").doesNotContain("5550142").doesNotContain("8315550142")
                    .doesNotContain("barn").doesNotContain("passport");
        }

        given().auth().oauth2(TestTokens.agent())
                .post("/api/v1/contacts/" + second + "/case-suggestions/" + suggestionId + "/confirmation")
                .then().statusCode(200).body("decision", equalTo("CONFIRMED")).body("decidedBy", org.hamcrest.Matchers.notNullValue()).body("decidedAt", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(TestTokens.agent())
                .post("/api/v1/contacts/" + second + "/case-suggestions/" + suggestionId + "/rejection")
                .then().statusCode(409);
        given().auth().oauth2(TestTokens.agent()).get("/api/v1/cases/" + caseReference).then().statusCode(200)
                .body("signals.reference", hasItems(first, second))
                .body("history.change", hasItem("SUGGESTION_CONFIRMED"));
    }

    @Test
    void anUnrelatedSignalInTheSameCountyAndTypeAmongManyOpenCasesGetsNoSuggestion() {
        String county = uniqueCounty();
        for (int i = 0; i < 6; i++) {
            openCase(tip(unrelatedWords(), uniquePhone(), county, "CONSTRUCTION"));
        }
        // Same county, same type, same week, nothing else in common: six open cases share that, so it singles out
        // none of them.
        String unrelated = tip(unrelatedWords(), uniquePhone(), county, "CONSTRUCTION");
        given().auth().oauth2(TestTokens.agent()).get("/api/v1/contacts/" + unrelated + "/case-suggestions")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aPhoneMatchRanksAboveAPlaceMatch() {
        String phone = uniquePhone();
        String byPhone = openCase(tip(unrelatedWords(), phone, uniqueCounty(), "DOMESTIC_WORK"));
        String county = uniqueCounty();
        String byPlace = openCase(tip(unrelatedWords(), uniquePhone(), county, "CONSTRUCTION"));

        String signal = tip(unrelatedWords(), phone, county, "CONSTRUCTION");
        Response response = given().auth().oauth2(TestTokens.agent())
                .get("/api/v1/contacts/" + signal + "/case-suggestions").then().statusCode(200).extract().response();
        List<String> cases = response.path("caseReference");
        List<Integer> scores = response.path("score");
        assertThat(cases).containsExactly(byPhone, byPlace);
        assertThat(scores.get(0)).isGreaterThan(scores.get(1));
        assertThat(response.<List<String>>path("[0].reasons")).contains("PHONE");
        // The only open case of that type in that county lately: a low-ranked suggestion, and it says why.
        assertThat(response.<List<String>>path("[1].reasons"))
                .containsExactlyInAnyOrder("PLACE", "TYPOLOGY", "TIME_WINDOW");
    }

    @Test
    void atMostFiveCasesAreSuggestedTheNewestFirstWhenTheyScoreAlike() {
        String phone = uniquePhone();
        String county = uniqueCounty();
        List<String> cases = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            cases.add(openCase(tip(unrelatedWords(), phone, county, "HEALTH_CARE")));
        }
        Response response = given().auth().oauth2(TestTokens.agent())
                .get("/api/v1/contacts/" + tip(unrelatedWords(), phone, county, "HEALTH_CARE") + "/case-suggestions")
                .then().statusCode(200).extract().response();
        assertThat(response.<List<String>>path("caseReference"))
                .containsExactlyInAnyOrderElementsOf(cases.subList(2, 7));
        assertThat(response.<List<List<String>>>path("reasons")).allSatisfy(r -> assertThat(r).contains("PHONE"));
        List<Integer> scores = response.path("score");
        assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void mergeKeepsEverySignalAndTheHistoryAndEachChangeIsPublishedOnce() throws Exception {
        String callA = call("{\"callType\": \"TIP\", \"typology\": \"CONSTRUCTION\", \"summary\": \"site crew\"}");
        String callB = call("{\"callType\": \"TIP\", \"summary\": \"same crew, other caller\"}");
        String callC = call("{\"callType\": \"TIP\"}");
        String survivor = openCase(callA);
        String merged = openCase(callB);
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("{\"signalReference\": \"" + callC + "\"}").post("/api/v1/cases/" + merged + "/signals")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("{\"victims\": 4, \"minors\": 1}").patch("/api/v1/cases/" + merged).then().statusCode(200);
        // Agents may not merge; supervisors may.
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("{\"caseReference\": \"" + merged + "\"}").post("/api/v1/cases/" + survivor + "/merges")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON)
                .body("{\"caseReference\": \"" + merged + "\"}").post("/api/v1/cases/" + survivor + "/merges")
                .then().statusCode(200)
                .body("signals.reference", hasItems(callA, callB, callC))
                .body("signals.size()", equalTo(3))
                .body("victims", equalTo(4)).body("minors", equalTo(1))
                .body("typology", equalTo("CONSTRUCTION"))
                .body("history.change", hasItems("OPENED", "MERGED_IN"));
        given().auth().oauth2(TestTokens.agent()).get("/api/v1/cases/" + merged).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closeReason", equalTo("MERGED"))
                .body("mergedInto", equalTo(survivor)).body("signals.size()", equalTo(0))
                .body("history.change", hasItems("OPENED", "SIGNAL_LINKED", "DETAILS_CHANGED", "CLOSED"));
        // A merged case no longer changes.
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("{\"signalReference\": \"" + callA + "\"}").post("/api/v1/cases/" + merged + "/signals")
                .then().statusCode(409);

        Map<String, List<String>> expected = Map.of(
                survivor, List.of("hotline.case.opened", "hotline.case.updated"),
                merged, List.of("hotline.case.opened", "hotline.case.updated", "hotline.case.updated",
                        "hotline.case.closed"));
        List<ConsumerRecord<String, String>> awaited = kafka.await(Topics.CASES,
                r -> expected.containsKey(r.key()), 6, Duration.ofSeconds(30));
        assertThat(awaited).hasSize(6);
        awaitOutboxDrained();
        List<ConsumerRecord<String, String>> all = kafka.readAll(Topics.CASES, r -> expected.containsKey(r.key()));
        Map<String, List<String>> types = all.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(r -> KafkaTestClient.header(r, CloudEventHeaders.TYPE), Collectors.toList())));
        assertThat(types).isEqualTo(expected);
        JsonNode closed = json.readTree(all.stream().filter(r -> r.key().equals(merged))
                .reduce((a, b) -> b).orElseThrow().value());
        assertThat(closed.get("reason").asText()).isEqualTo("MERGED");
        assertThat(closed.get("mergedInto").asText()).isEqualTo(survivor);
        assertThat(all).allSatisfy(r -> assertThat(r.value()).doesNotContain("crew"));
    }

    @Test
    void theTypologyRoundTripsThroughACallATipAndACase() throws Exception {
        String call = call("{\"callType\": \"TIP\", \"typology\": \"DOMESTIC_WORK\"}");
        JsonNode callEvent = json.readTree(kafka.await(Topics.INTAKE_CALLS, r -> call.equals(r.key()), 1,
                Duration.ofSeconds(20)).get(0).value());
        assertThat(callEvent.get("typology").asText()).isEqualTo("DOMESTIC_WORK");
        given().auth().oauth2(TestTokens.agent()).get("/api/v1/contacts/" + call).then().statusCode(200)
                .body("typology", equalTo("DOMESTIC_WORK"));

        String tip = given().contentType(ContentType.JSON)
                .body("{\"description\": \"picking crews\", \"typology\": \"AGRICULTURE_ANIMAL_HUSBANDRY\"}")
                .post("/api/v1/tips").then().statusCode(202).extract().path("reference");
        JsonNode tipEvent = json.readTree(kafka.await(Topics.INTAKE_TIPS, r -> tip.equals(r.key()), 1,
                Duration.ofSeconds(20)).get(0).value());
        assertThat(tipEvent.get("typology").asText()).isEqualTo("AGRICULTURE_ANIMAL_HUSBANDRY");
        // The four words still say what the type implies, for readers that know only them.
        assertThat(tipEvent.get("traffickingType").asText()).isEqualTo("LABOR");

        String caseReference = openCase(tip);
        given().auth().oauth2(TestTokens.agent()).get("/api/v1/cases/" + caseReference).then().statusCode(200)
                .body("typology", equalTo("AGRICULTURE_ANIMAL_HUSBANDRY")).body("traffickingType", equalTo("LABOR"));
        JsonNode opened = json.readTree(kafka.await(Topics.CASES, r -> caseReference.equals(r.key()), 1,
                Duration.ofSeconds(20)).get(0).value());
        assertThat(opened.at("/facts/typology").asText()).isEqualTo("AGRICULTURE_ANIMAL_HUSBANDRY");
        assertThat(opened.at("/facts/signals/0").asText()).isEqualTo(tip);
        given().auth().oauth2(TestTokens.agent()).queryParam("typology", "AGRICULTURE_ANIMAL_HUSBANDRY")
                .queryParam("size", "100").get("/api/v1/cases").then().statusCode(200)
                .body("items.reference", hasItem(caseReference));
        given().auth().oauth2(TestTokens.agent()).queryParam("typology", "AGRICULTURE_ANIMAL_HUSBANDRY")
                .queryParam("open", "true").queryParam("size", "100").get("/api/v1/cases").then().statusCode(200)
                .body("items.reference", hasItem(caseReference)).body("items.status", org.hamcrest.Matchers
                        .everyItem(org.hamcrest.Matchers.not(equalTo("CLOSED"))));
        given().auth().oauth2(TestTokens.agent()).queryParam("open", "false").queryParam("size", "100")
                .get("/api/v1/cases").then().statusCode(200)
                .body("items.status", org.hamcrest.Matchers.everyItem(equalTo("CLOSED")));
        given().auth().oauth2(TestTokens.agent()).queryParam("typology", "FARM").queryParam("size", "0")
                .get("/api/v1/cases").then().statusCode(400).body("violations.field", hasItems("typology", "size"));
    }

    @Test
    void theFormAsksForTheTypologyInPlainWordsInEnglishAndSpanish() throws Exception {
        given().queryParam("lang", "en").get("/").then().statusCode(200)
                .body(containsString("Where is it happening? (optional)"))
                .body(containsString("<option value=\"AGRICULTURE_ANIMAL_HUSBANDRY\">A farm, orchard, dairy or "
                        + "animal work</option>"));
        Response form = given().queryParam("lang", "es").get("/");
        form.then().statusCode(200).body(containsString("¿Dónde está pasando? (opcional)"))
                .body(containsString("Una granja, huerto, lechería o trabajo con animales"));
        Matcher token = FORM_TOKEN.matcher(form.asString());
        assertThat(token.find()).isTrue();
        String receipt = given().cookie("hotline_form", form.getCookie("hotline_form"))
                .formParam("csrf", token.group(1)).formParam("description", "limpian casas sin paga")
                .formParam("typology", "DOMESTIC_WORK").post("/").then().statusCode(200).extract().asString();
        Matcher reference = TIP_REFERENCE.matcher(receipt);
        assertThat(reference.find()).isTrue();
        given().auth().oauth2(TestTokens.agent()).get("/api/v1/contacts/" + reference.group())
                .then().statusCode(200).body("typology", equalTo("DOMESTIC_WORK"))
                .body("traffickingType", equalTo("LABOR"));
    }

    @Test
    void aReferralAndItsOutcomeUpdateTheCaseAndCountItsVictimsServed() throws Exception {
        String call = call("{\"callType\": \"TIP\", \"typology\": \"AGRICULTURE_ANIMAL_HUSBANDRY\"}");
        String caseReference = openCase(call);
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("{\"victims\": 6, \"minors\": 2}").patch("/api/v1/cases/" + caseReference)
                .then().statusCode(200);
        java.util.UUID referral = java.util.UUID.randomUUID();
        java.util.UUID organization = java.util.UUID.randomUUID();
        java.time.Instant now = java.time.Instant.now();
        kafka.publishEvent(organization.toString(), new org.hotline.contracts.events.ReferralIssued(referral, call,
                organization, "Farmworker rights", org.hotline.contracts.vocabulary.Need.LABOR_RIGHTS,
                org.hotline.contracts.vocabulary.Urgency.NON_URGENT, false,
                org.hotline.contracts.vocabulary.ConsentBasis.NOT_LAW_ENFORCEMENT, false, java.util.Set.of(), null, now));
        // Published twice, as a relay that crashed before its commit would: applied once.
        kafka.publishEventTwice(organization.toString(), new org.hotline.contracts.events.ReferralOutcomeRecorded(
                referral, call, organization, org.hotline.contracts.vocabulary.ReferralOutcome.SERVICES_PROVIDED,
                now.plusSeconds(60)));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().auth()
                .oauth2(TestTokens.agent()).get("/api/v1/cases/" + caseReference).<Integer>path("victimsServed") > 0);
        Response detail = given().auth().oauth2(TestTokens.agent()).get("/api/v1/cases/" + caseReference);
        detail.then().statusCode(200).body("status", equalTo("REFERRED"))
                .body("referrals[0].outcome", equalTo("SERVICES_PROVIDED"))
                .body("victimsIdentified", equalTo(6)).body("victimsServed", equalTo(6));
        List<String> changes = detail.path("history.change");
        assertThat(changes).containsOnlyOnce("REFERRAL_ISSUED", "REFERRAL_OUTCOME");
    }

    @Test
    void aSignalIsUnlinkedButNeverTheLastAndOnlySupervisorsCloseWithAReasonOtherThanMerged() {
        String callA = call("{\"callType\": \"TIP\"}");
        String callB = call("{\"callType\": \"TIP\"}");
        String caseReference = openCase(callA);
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("{\"signalReference\": \"" + callB + "\"}").post("/api/v1/cases/" + caseReference + "/signals")
                .then().statusCode(200).body("signals.size()", equalTo(2));
        // A signal belongs to one case at most.
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("{\"signalReference\": \"" + callB + "\"}").post("/api/v1/cases")
                .then().statusCode(409).body("type", containsString("signal-in-a-case"));
        given().auth().oauth2(TestTokens.agent()).delete("/api/v1/cases/" + caseReference + "/signals/" + callB)
                .then().statusCode(200).body("signals.reference", org.hamcrest.Matchers.contains(callA))
                .body("history.change", hasItem("SIGNAL_UNLINKED"));
        given().auth().oauth2(TestTokens.agent()).delete("/api/v1/cases/" + caseReference + "/signals/" + callB)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.agent()).delete("/api/v1/cases/" + caseReference + "/signals/" + callA)
                .then().statusCode(409).body("type", containsString("last-signal"));
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON).body("{\"minors\": 3}")
                .patch("/api/v1/cases/" + caseReference).then().statusCode(400)
                .body("violations.field", hasItem("minors"));
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON).body("{\"reason\": \"RESOLVED\"}")
                .post("/api/v1/cases/" + caseReference + "/closure").then().statusCode(403);
        given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON).body("{\"reason\": \"MERGED\"}")
                .post("/api/v1/cases/" + caseReference + "/closure").then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON)
                .body("{\"reason\": \"RESOLVED\"}").post("/api/v1/cases/" + caseReference + "/closure")
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("closeReason", equalTo("RESOLVED"));
        // The unlinked signal is free to open a case of its own.
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("{\"signalReference\": \"" + callB + "\"}").post("/api/v1/cases").then().statusCode(201);
    }

    /**
     * The public's path must not pay for signals that are in no case: a text and a phone repeated by many unlinked
     * tips (a copied message, a spammer) are walked by neither look-up, and one is walked exactly while its signal
     * is in an open case (its phone row, and its 16 band rows: the same text has the same bands). Counted in
     * PostgreSQL's own plan of the look-ups' SQL (rows the index scans read).
     */
    @Test
    void theLookUpsWalkOnlyTheFingerprintsOfSignalsInOpenCasesHoweverOftenATextAndAPhoneRepeat() throws Exception {
        String phone = uniquePhone();
        String text = "the same copied message about the packing shed " + unrelatedWords();
        List<String> tips = java.util.stream.IntStream.range(0, 12).mapToObj(i -> tip(text, phone)).toList();
        String probe = tips.get(0);
        assertThat(walkedByLookUps(probe)).as("phone and band rows walked, no case yet").containsExactly(0L, 0L);

        String caseReference = openCase(tips.get(1));
        assertThat(walkedByLookUps(probe)).as("one signal in an open case").containsExactly(1L, (long) MinHash.BANDS);
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("{\"signalReference\": \"" + tips.get(2) + "\"}")
                .post("/api/v1/cases/" + caseReference + "/signals").then().statusCode(200);
        assertThat(walkedByLookUps(probe)).as("two signals in an open case")
                .containsExactly(2L, 2L * MinHash.BANDS);
        given().auth().oauth2(TestTokens.agent()).delete("/api/v1/cases/" + caseReference + "/signals/" + tips.get(2))
                .then().statusCode(200);
        assertThat(walkedByLookUps(probe)).as("the unlinked one is walked no more")
                .containsExactly(1L, (long) MinHash.BANDS);
        String later = tip(text, phone);
        given().auth().oauth2(TestTokens.agent()).get("/api/v1/contacts/" + later + "/case-suggestions")
                .then().statusCode(200).body("caseReference", hasItem(caseReference));
        given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON)
                .body("{\"reason\": \"RESOLVED\"}").post("/api/v1/cases/" + caseReference + "/closure")
                .then().statusCode(200);
        assertThat(walkedByLookUps(probe)).as("a closed case's signals").containsExactly(0L, 0L);
    }

    /**
     * Rows returned by the index scans of the phone look-up and of the MinHash band look-up for {@code reference}'s
     * own fingerprints, from {@code EXPLAIN ANALYZE} of the repository's SQL.
     */
    private static List<Long> walkedByLookUps(String reference) throws Exception {
        try (java.sql.Connection db = EmbeddedPostgresServer.shared().adminDataSource()
                .getConnection()) {
            // Index scans only (a tiny test table may tempt the planner into a sequential scan, which would count
            // every row of the table): the property is what the look-ups' index walk reads.
            db.createStatement().execute("SET search_path TO intake; SET enable_seqscan = off;"
                    + " SET enable_bitmapscan = off");
            java.util.UUID self;
            String keyId;
            byte[] mac;
            long[] bands;
            try (java.sql.PreparedStatement own = db.prepareStatement("""
                    SELECT c.id, i.key_id, i.mac, m.signature FROM contact c
                        JOIN signal_index i ON i.contact_id = c.id AND i.kind = 'PHONE'
                        JOIN signal_minhash m ON m.contact_id = c.id WHERE c.reference = ?""")) {
                own.setString(1, reference);
                try (java.sql.ResultSet row = own.executeQuery()) {
                    assertThat(row.next()).as("fingerprints of " + reference).isTrue();
                    self = row.getObject(1, java.util.UUID.class);
                    keyId = row.getString(2);
                    mac = row.getBytes(3);
                    bands = MinHash.bands(
                            MinHash.fromBytes(row.getBytes(4)));
                }
            }
            long phoneRows;
            try (java.sql.PreparedStatement plan = db.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) "
                    + jdbc(SignalFingerprintRepository.SAME_INDEX))) {
                plan.setString(1, "PHONE");
                plan.setString(2, keyId);
                plan.setBytes(3, mac);
                plan.setObject(4, self);
                plan.setInt(5, 25);
                phoneRows = rowsScanned(plan, "signal_index");
            }
            long bandRows;
            try (java.sql.PreparedStatement plan = db.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) "
                    + jdbc(SignalFingerprintRepository.SHARING_A_BAND))) {
                plan.setString(1, SignalFingerprintRepository.arrayLiteral(bands));
                plan.setString(2, keyId);
                plan.setObject(3, self);
                plan.setInt(4, 100);
                bandRows = rowsScanned(plan, "signal_minhash_band");
            }
            return List.of(phoneRows, bandRows);
        }
    }

    /** The rows every scan of {@code table} in the executed plan read (returned or filtered out), summed. */
    private static long rowsScanned(java.sql.PreparedStatement plan, String table) throws Exception {
        try (java.sql.ResultSet result = plan.executeQuery()) {
            result.next();
            JsonNode root = new ObjectMapper().readTree(result.getString(1)).get(0).get("Plan");
            long[] rows = {0};
            java.util.ArrayDeque<JsonNode> nodes = new java.util.ArrayDeque<>(List.of(root));
            while (!nodes.isEmpty()) {
                JsonNode node = nodes.pop();
                if (table.equals(node.path("Relation Name").asText())) {
                    rows[0] += (node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong())
                            * Math.max(1, node.path("Actual Loops").asLong());
                }
                node.path("Plans").forEach(nodes::push);
            }
            return rows[0];
        }
    }

    /** The repository's Hibernate-style {@code ?1 … ?n} as JDBC's {@code ?} (each appears once, in order). */
    private static String jdbc(String sql) {
        return sql.replaceAll("\\?[0-9]+", "?");
    }

    @Test
    void caseNotesAreSealedAndEveryReadIsAudited() throws Exception {
        String caseReference = openCase(call("{\"callType\": \"TIP\"}"));
        given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("{\"text\": \"CANARY-note the foreman drives a white van\"}")
                .post("/api/v1/cases/" + caseReference + "/notes").then().statusCode(201);
        given().auth().oauth2(TestTokens.supervisor()).get("/api/v1/cases/" + caseReference + "/notes")
                .then().statusCode(200).body("text", hasItem("CANARY-note the foreman drives a white van"));
        String rows = String.join("\n", IntakeDatabase.strings("SELECT row_to_json(n)::text FROM intake.case_note n "
                + "JOIN intake.case_file c ON c.id = n.case_id WHERE c.reference = ?", caseReference));
        assertThat(rows).isNotEmpty().doesNotContain("CANARY").doesNotContain("white van");
        assertThat(IntakeDatabase.auditTrail(caseReference)).hasSize(2)
                .anySatisfy(a -> assertThat(a).endsWith("case.note.add"))
                .anySatisfy(a -> assertThat(a).endsWith("case.notes.view"));
    }

    private static String tip(String description, String phone) {
        return given().contentType(ContentType.JSON).body("""
                {"description": "%s", "typology": "AGRICULTURE_ANIMAL_HUSBANDRY",
                 "location": {"county": "Monterey", "state": "CA"},
                 "reporter": {"anonymous": false, "name": "R", "phone": "%s"}}""".formatted(description, phone))
                .post("/api/v1/tips").then().statusCode(202).extract().path("reference");
    }

    private static String tip(String description, String phone, String county, String typology) {
        return given().contentType(ContentType.JSON).body("""
                {"description": "%s", "typology": "%s", "location": {"county": "%s", "state": "TX"},
                 "reporter": {"anonymous": false, "name": "R", "phone": "%s"}}""".formatted(description, typology,
                county, phone))
                .post("/api/v1/tips").then().statusCode(202).extract().path("reference");
    }

    /** A county no other test uses, so the open cases counted there are this test's. */
    private static String uniqueCounty() {
        return "County " + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    private static String uniquePhone() {
        return String.format(java.util.Locale.ROOT, "(%03d) %03d-%04d", 200 + RANDOM.nextInt(700),
                RANDOM.nextInt(1000), RANDOM.nextInt(10_000));
    }

    /** Words no other description shares: hex tokens of a random UUID. */
    private static String unrelatedWords() {
        return java.util.UUID.randomUUID().toString().replace('-', ' ');
    }

    private static String call(String body) {
        return given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/calls").then().statusCode(201).extract().path("reference");
    }

    private static String openCase(String signal) {
        return given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON)
                .body("{\"signalReference\": \"" + signal + "\"}").post("/api/v1/cases")
                .then().statusCode(201).body("status", equalTo("OPEN")).extract().path("reference");
    }

    private static void awaitOutboxDrained() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                IntakeDatabase.strings("SELECT count(*)::text FROM intake.outbox").get(0).equals("0"));
    }
}
