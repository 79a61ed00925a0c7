package org.hotline.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.contracts.Topics;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.events.TipReceived;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The partner feed over HTTP, end to end: two local organisations get referrals from real tips; each sees only its
 * own, in issue order, paged and resumed from the last cursor; an acknowledgement publishes
 * {@code hotline.referral.acknowledged} once.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PartnerFeedTest {

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    private String county;
    private OrganizationUpserted first;
    private OrganizationUpserted second;

    /** Two organisations in a county unique to this run, so no other test's organisation outranks them. */
    @BeforeEach
    void directory() {
        county = "Albany" + UUID.randomUUID().toString().substring(0, 6);
        first = organization("Albany Harbor House");
        second = organization("Albany Legal Network");
        for (OrganizationUpserted o : List.of(first, second)) {
            kafka.publishEvent(o.id().toString(), o);
        }
        for (OrganizationUpserted o : List.of(first, second)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ReadModelRows.contains(o.id()));
        }
    }

    @Test
    void aPartnerPagesThroughItsOwnReferralsAndResumesFromItsCursor() {
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            references.add(tipDecided());
        }
        String feed = "/api/v1/partners/" + first.id() + "/referrals";

        JsonPath page1 = Callers.partner(first.id()).queryParam("limit", 2).get(feed).then().statusCode(200).extract().jsonPath();
        assertThat(page1.getList("items.organizationId", String.class)).containsOnly(first.id().toString()).hasSize(2);
        String cursor1 = page1.getString("nextCursor");
        JsonPath page2 = Callers.partner(first.id()).queryParam("limit", 2).queryParam("after", cursor1).get(feed).then().statusCode(200)
                .extract().jsonPath();
        assertThat(page2.getList("items")).hasSize(1);
        String cursor2 = page2.getString("nextCursor");

        List<String> seen = new ArrayList<>(page1.getList("items.reference", String.class));
        seen.addAll(page2.getList("items.reference", String.class));
        assertThat(seen).containsExactlyElementsOf(references);
        List<Instant> issued = new ArrayList<>(page1.getList("items.issuedAt", String.class).stream().map(Instant::parse)
                .toList());
        issued.addAll(page2.getList("items.issuedAt", String.class).stream().map(Instant::parse).toList());
        assertThat(issued).isSorted();
        assertThat(page1.getString("items[0].need")).isEqualTo("CASE_MANAGEMENT");
        assertThat(page1.getString("items[0].urgency")).isEqualTo("NON_URGENT");
        assertThat(page1.getString("items[0].consentBasis")).isEqualTo("NOT_LAW_ENFORCEMENT");
        assertThat(page1.getString("items[0].location.county")).isEqualTo(county);
        assertThat(page1.getString("items[0].acknowledgedAt")).isNull();

        // Caught up: nothing newer, and the same cursor to keep.
        Callers.partner(first.id()).queryParam("after", cursor2).get(feed).then().statusCode(200)
                .body("items.size()", equalTo(0)).body("nextCursor", equalTo(cursor2));

        // A partner that kept its cursor gets only what was issued since.
        String later = tipDecided();
        Callers.partner(first.id()).queryParam("after", cursor2).get(feed).then().statusCode(200)
                .body("items.reference", contains(later)).body("nextCursor", notNullValue());

        // The other organisation was referred the same contacts and sees only its own referrals.
        JsonPath other = Callers.partner(second.id()).get("/api/v1/partners/" + second.id() + "/referrals").then().statusCode(200)
                .extract().jsonPath();
        assertThat(other.getList("items.organizationId", String.class)).containsOnly(second.id().toString());
        assertThat(other.getList("items.reference", String.class)).containsExactly(
                references.get(0), references.get(1), references.get(2), later);
        assertThat(other.getList("items.referralId", String.class))
                .doesNotContainAnyElementsOf(page1.getList("items.referralId", String.class));

        // An organisation nobody referred to: an empty page, not 404.
        Callers.supervisor().get("/api/v1/partners/" + UUID.randomUUID() + "/referrals").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("nextCursor", nullValue());
    }

    @Test
    void badCursorsAndLimitsAreProblemsNamingTheParameter() {
        String feed = "/api/v1/partners/" + first.id() + "/referrals";
        for (String after : List.of("not-a-cursor", "bm90IGEgY3Vyc29y", "!!!")) {
            Callers.partner(first.id()).queryParam("after", after).get(feed).then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", contains("after"));
        }
        for (String limit : List.of("0", "201", "-1", "ten", "2.5")) {
            Callers.partner(first.id()).queryParam("limit", limit).get(feed).then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", contains("limit"));
        }
        Callers.partner(first.id()).queryParam("limit", 200).get(feed).then().statusCode(200);
    }

    @Test
    void anAcknowledgementIsRecordedAndPublishedOnce() throws Exception {
        tipDecided();
        tipDecided();
        JsonPath page = Callers.partner(first.id()).get("/api/v1/partners/" + first.id() + "/referrals").then().statusCode(200)
                .extract().jsonPath();
        String referralId = page.getString("items[0].referralId");
        String markerId = page.getString("items[1].referralId");
        String ack = "/api/v1/referrals/" + referralId + "/acknowledgement";

        String acknowledgedAt = Callers.partner(first.id()).post(ack).then().statusCode(200)
                .body("referralId", equalTo(referralId)).body("organizationId", equalTo(first.id().toString()))
                .body("acknowledgedAt", notNullValue()).extract().path("acknowledgedAt");
        Callers.partner(first.id()).post(ack).then().statusCode(200).body("acknowledgedAt", equalTo(acknowledgedAt));
        Callers.partner(first.id()).get("/api/v1/partners/" + first.id() + "/referrals").then()
                .body("items[0].acknowledgedAt", equalTo(acknowledgedAt))
                .body("items[1].acknowledgedAt", nullValue());
        assertThat(acknowledgedAtInDatabase(UUID.fromString(referralId))).isNotNull();

        // The marker's acknowledgement goes to the same partition (same key) after any second record would have.
        Callers.supervisor().post("/api/v1/referrals/" + markerId + "/acknowledgement").then().statusCode(200);
        assertThat(kafka.await(Topics.REFERRALS, r -> r.value() != null && r.value().contains(markerId)
                && "hotline.referral.acknowledged".equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE)), 1,
                Duration.ofSeconds(20))).hasSize(1);
        List<ConsumerRecord<String, String>> acknowledged = kafka.readAll(Topics.REFERRALS,
                r -> r.value() != null && r.value().contains(referralId)
                        && "hotline.referral.acknowledged".equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE)));
        assertThat(acknowledged).hasSize(1);
        assertThat(acknowledged.get(0).key()).isEqualTo(first.id().toString());
        JsonPath event = JsonPath.from(acknowledged.get(0).value());
        assertThat(event.getString("referralId")).isEqualTo(referralId);
        assertThat(event.getString("organizationId")).isEqualTo(first.id().toString());
        assertThat(event.getString("reference")).isEqualTo(page.getString("items[0].reference"));
        assertThat(Instant.parse(event.getString("acknowledgedAt"))).isEqualTo(Instant.parse(acknowledgedAt));

        Callers.supervisor().post("/api/v1/referrals/" + UUID.randomUUID() + "/acknowledgement").then().statusCode(404)
                .contentType("application/problem+json");
        Callers.partner(first.id()).post("/api/v1/referrals/not-an-id/acknowledgement").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anOutcomeIsRecordedShownAndPublishedOnceAndALaterOneReplacesIt() throws Exception {
        tipDecided();
        JsonPath page = Callers.partner(first.id()).get("/api/v1/partners/" + first.id() + "/referrals").then()
                .statusCode(200).extract().jsonPath();
        String referralId = page.getString("items[0].referralId");
        String outcome = "/api/v1/referrals/" + referralId + "/outcome";
        assertThat(page.getString("items[0].outcome")).isNull();

        for (String bad : List.of("{}", "{\"outcome\": \"SOLVED\"}")) {
            Callers.partner(first.id()).contentType(ContentType.JSON).body(bad).post(outcome).then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", contains("outcome"))
                    .body(not(containsString("SOLVED")));
        }
        Callers.partner(first.id()).contentType(ContentType.JSON)
                .body("{\"outcome\": \"CONTACTED\", \"note\": \"CANARY met her at the clinic\"}").post(outcome)
                .then().statusCode(400).body("violations.field", contains("note"))
                .body(not(containsString("CANARY")));

        Callers.partner(first.id()).contentType(ContentType.JSON).body("{\"outcome\": \"CONTACTED\", \"note\": \"\"}")
                .post(outcome).then().statusCode(200).body("outcome", equalTo("CONTACTED"))
                .body("referralId", equalTo(referralId));
        Callers.partner(first.id()).contentType(ContentType.JSON).body("{\"outcome\": \"CONTACTED\"}")
                .post(outcome).then().statusCode(200).body("outcome", equalTo("CONTACTED"));
        Callers.supervisor().contentType(ContentType.JSON).body("{\"outcome\": \"CASE_OPENED\"}")
                .post(outcome).then().statusCode(200).body("outcome", equalTo("CASE_OPENED"));
        Callers.partner(first.id()).get("/api/v1/partners/" + first.id() + "/referrals").then()
                .body("items[0].outcome", equalTo("CASE_OPENED"));
        Callers.supervisor().contentType(ContentType.JSON).body("{\"outcome\": \"CONTACTED\"}")
                .post("/api/v1/referrals/" + UUID.randomUUID() + "/outcome").then().statusCode(404);

        // The later outcome follows the first on the same key: once it is there, a duplicate would be too.
        List<ConsumerRecord<String, String>> recorded = kafka.await(Topics.REFERRALS,
                r -> r.value() != null && r.value().contains(referralId) && r.value().contains("CASE_OPENED")
                        && "hotline.referral.outcome-recorded".equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE)),
                1, Duration.ofSeconds(20));
        assertThat(recorded).hasSize(1);
        List<ConsumerRecord<String, String>> all = kafka.readAll(Topics.REFERRALS, r -> r.value() != null
                && r.value().contains(referralId)
                && "hotline.referral.outcome-recorded".equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE)));
        assertThat(all).extracting(r -> JsonPath.from(r.value()).getString("outcome"))
                .containsExactly("CONTACTED", "CASE_OPENED");
        assertThat(all).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(first.id().toString());
            assertThat(r.value()).doesNotContain("CANARY");
        });
        JsonPath event = JsonPath.from(all.get(0).value());
        assertThat(event.getString("organizationId")).isEqualTo(first.id().toString());
        assertThat(event.getString("reference")).isEqualTo(page.getString("items[0].reference"));
        assertThat(event.getString("recordedAt")).isNotNull();
    }

    /** A non-urgent tip needing case management in the county, once decided; returns its reference. */
    private String tipDecided() {
        String reference = "TIP-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        kafka.publishEvent(reference, new TipReceived(reference, Instant.now(), Channel.WEB_FORM,
                TraffickingType.LABOR, Set.of(), Set.of(Need.CASE_MANAGEMENT),
                new Location("Albany", county, "WY", "82070", "US"), true, null, "en", false));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Callers.agent().get("/api/v1/decisions/" + reference).statusCode() == 200);
        // The feed serves a referral once no older writing transaction on the server is open (commit order): wait
        // for that, so each step below reads a settled feed.
        await().atMost(Duration.ofSeconds(30)).until(() -> inFeed(first.id(), reference)
                && inFeed(second.id(), reference));
        return reference;
    }

    private static boolean inFeed(UUID organization, String reference) {
        return Callers.supervisor().queryParam("limit", 200).get("/api/v1/partners/" + organization + "/referrals")
                .jsonPath().getList("items.reference", String.class).contains(reference);
    }

    private OrganizationUpserted organization(String name) {
        return new OrganizationUpserted(UUID.randomUUID(), name, false, false, Set.of(), Set.of("en"),
                LocalDate.of(2026, 11, 1),
                List.of(new OrganizationUpserted.Service(UUID.randomUUID(), name, Set.of(Need.CASE_MANAGEMENT),
                        "1-555-0101", new OrganizationUpserted.Hours("America/Denver", true, List.of(), Set.of()),
                        new OrganizationUpserted.Area(false, Set.of(), Set.of("WY:" + county), Set.of()))),
                1, Instant.now());
    }

    private static Instant acknowledgedAtInDatabase(UUID referralId) throws Exception {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT acknowledged_at FROM routing.referral WHERE referral_id = ?")) {
            s.setObject(1, referralId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getTimestamp(1) != null ? rs.getTimestamp(1).toInstant() : null;
            }
        }
    }
}
