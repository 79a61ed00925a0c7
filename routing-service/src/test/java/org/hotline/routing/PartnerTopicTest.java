package org.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.contracts.Topics;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.events.TipReceived;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.routing.service.EscalationSweep;
import org.hotline.testsupport.EmbeddedKafka;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A partner that reads Kafka gets its referral events on its own topic too: with one partner organisation configured
 * (and its topic created, as the deployment does), its issued, acknowledged and escalated events appear on
 * {@code hotline.referrals.partner.<id>.v1} exactly as on {@code hotline.referrals.v1}; another organisation's
 * referrals appear on no partner topic.
 */
@QuarkusTest
@TestProfile(PartnerTopicTest.OnePartnerOnKafka.class)
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PartnerTopicTest {

    /** Fixed, so the profile (read before the application starts) and the test name the same partner. */
    static final UUID PARTNER = UUID.fromString("7e570000-0000-4000-8000-00000000a11c");
    static final String PARTNER_TOPIC = Topics.partnerReferrals(PARTNER.toString());

    /** The partner's topic exists before routing starts, as the deployment creates it. */
    public static class OnePartnerOnKafka implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The webhook poll only every hour: a webhook that arrives at once was sent on its commit's wake.
            return Map.of("hotline.routing.partner-topics.organizations", PARTNER.toString(),
                    "hotline.routing.webhooks.poll-every", "1h");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PartnerTopic.class));
        }
    }

    public static class PartnerTopic implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            EmbeddedKafka.shared().createTopics(List.of(Topics.partnerReferralsSpec(PARTNER.toString())));
            return Map.of();
        }

        @Override
        public void stop() {
            // The topic lives as long as the test JVM's broker.
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** One directory for the class: the partner and another organisation, alone in a county unique to this run. */
    private static String county;
    private static UUID other;

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Inject
    EscalationSweep sweep;

    @BeforeEach
    void directory() {
        if (county != null) {
            return;
        }
        county = "Sweetwater" + UUID.randomUUID().toString().substring(0, 6);
        other = UUID.randomUUID();
        for (OrganizationUpserted o : List.of(organization(PARTNER, "Sweetwater Task Force"),
                organization(other, "Sweetwater Legal Aid"))) {
            kafka.publishEvent(o.id().toString(), o);
            await().atMost(Duration.ofSeconds(30)).until(() -> ReadModelRows.contains(o.id()));
        }
    }

    @Test
    void anIssuedReferralGoesToThePartnersTopicAsOnTheSharedOneAndNoOtherOrganisationsDoes() throws Exception {
        String reference = tipDecided();
        JsonPath decision = Callers.agent().get("/api/v1/decisions/" + reference).then().statusCode(200).extract()
                .jsonPath();
        assertThat(decision.getList("referrals.organizationId", String.class))
                .containsExactlyInAnyOrder(PARTNER.toString(), other.toString());
        String othersReferral = referralId(decision, other);

        ConsumerRecord<String, String> copy = onlyOne(PARTNER_TOPIC, ofType("hotline.referral.issued", reference));
        ConsumerRecord<String, String> shared = onlyOne(Topics.REFERRALS,
                ofType("hotline.referral.issued", reference).and(r -> PARTNER.toString().equals(r.key())));
        assertSameEvent(copy, shared);
        assertThat(JSON.readTree(copy.value()).path("referralId").asText()).isEqualTo(referralId(decision, PARTNER));

        // The other organisation's referral is on the shared topic only. Both were relayed in the same batch (one
        // transaction), so had a copy been written it would be on its topic by now.
        assertThat(kafka.readAll(Topics.REFERRALS, r -> r.value() != null && r.value().contains(othersReferral)))
                .hasSize(1);
        try (Admin admin = EmbeddedKafka.shared().admin()) {
            Set<String> topics = admin.listTopics().names().get();
            assertThat(topics).doesNotContain(Topics.partnerReferrals(other.toString()));
            List<String> partnerTopics = topics.stream().filter(t -> t.startsWith(Topics.PARTNER_REFERRALS_PREFIX))
                    .toList();
            assertThat(partnerTopics).contains(PARTNER_TOPIC);
            for (String topic : partnerTopics) {
                assertThat(kafka.readAll(topic, r -> other.toString().equals(r.key())
                        || r.value() != null && r.value().contains(othersReferral))).as(topic).isEmpty();
            }
        }
    }

    @Test
    void anAcknowledgementAndAnEscalationGoToThePartnersTopicToo() throws Exception {
        String reference = tipDecided();
        String referralId = referralId(Callers.agent().get("/api/v1/decisions/" + reference).then().statusCode(200)
                .extract().jsonPath(), PARTNER);

        Callers.partner(PARTNER).post("/api/v1/referrals/" + referralId + "/acknowledgement").then().statusCode(200);
        assertSameEvent(onlyOne(PARTNER_TOPIC, ofType("hotline.referral.acknowledged", referralId)),
                onlyOne(Topics.REFERRALS, ofType("hotline.referral.acknowledged", referralId)));

        UUID overdue = overdueUrgentReferral(PARTNER);
        assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);
        assertSameEvent(onlyOne(PARTNER_TOPIC, ofType("hotline.referral.escalated", overdue.toString())),
                onlyOne(Topics.REFERRALS, ofType("hotline.referral.escalated", overdue.toString())));
    }

    /** The copy: same key, type, source and payload as the shared topic's record; its own CloudEvents id. */
    private static void assertSameEvent(ConsumerRecord<String, String> copy, ConsumerRecord<String, String> shared)
            throws Exception {
        assertThat(copy.key()).isEqualTo(PARTNER.toString()).isEqualTo(shared.key());
        for (String header : List.of(CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE, CloudEventHeaders.SPEC_VERSION,
                CloudEventHeaders.CONTENT_TYPE)) {
            assertThat(KafkaTestClient.header(copy, header)).as(header).isNotNull()
                    .isEqualTo(KafkaTestClient.header(shared, header));
        }
        assertThat(KafkaTestClient.header(copy, CloudEventHeaders.ID)).isNotNull()
                .isNotEqualTo(KafkaTestClient.header(shared, CloudEventHeaders.ID));
        assertThat(JSON.readTree(copy.value())).isEqualTo(JSON.readTree(shared.value()));
    }

    private ConsumerRecord<String, String> onlyOne(String topic, Predicate<ConsumerRecord<String, String>> match) {
        assertThat(kafka.await(topic, match, 1, Duration.ofSeconds(20))).as("on %s", topic).hasSize(1);
        List<ConsumerRecord<String, String>> all = kafka.readAll(topic, match);
        assertThat(all).as("on %s", topic).hasSize(1);
        return all.get(0);
    }

    private static Predicate<ConsumerRecord<String, String>> ofType(String type, String containing) {
        return r -> r.value() != null && r.value().contains(containing)
                && type.equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE));
    }

    private static String referralId(JsonPath decision, UUID organizationId) {
        List<Map<String, Object>> referrals = decision.getList("referrals");
        return referrals.stream().filter(r -> organizationId.toString().equals(r.get("organizationId")))
                .map(r -> (String) r.get("referralId")).findFirst()
                .orElseThrow(() -> new AssertionError("No referral to " + organizationId));
    }

    @Test
    void aWebhookGoesOutWhenItsReferralCommitsNotAtTheNextPoll() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath registered = Callers.partner(other).contentType("application/json")
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("hotline.referral.issued")))
                    .post("/api/v1/partners/" + other + "/webhooks").then().statusCode(201).extract().jsonPath();
            receiver.trust("secret", registered.getString("secret"));

            String reference = tipDecided();

            // This profile polls once an hour, and the first poll ran at start-up, before the subscription existed.
            await().atMost(Duration.ofSeconds(90)).until(() -> receiver.events().size() == 1);
            WebhookReceiver.Received received = receiver.events().get(0);
            assertThat(received.verifiedWith()).containsExactly("secret");
            assertThat(new JsonPath(received.body()).getString("data.reference")).isEqualTo(reference);
            Callers.partner(other).delete("/api/v1/partners/" + other + "/webhooks/" + registered.getString("id"))
                    .then().statusCode(204);
        }
    }

    /** A non-urgent tip needing case management in the county, once decided; returns its reference. */
    private String tipDecided() {
        String reference = "TIP-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        kafka.publishEvent(reference, new TipReceived(reference, Instant.now(), Channel.WEB_FORM,
                TraffickingType.LABOR, Set.of(), Set.of(Need.CASE_MANAGEMENT),
                new Location("Rock Springs", county, "WY", "82901", "US"), true, null, "en", false));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Callers.agent().get("/api/v1/decisions/" + reference).statusCode() == 200);
        return reference;
    }

    /** An URGENT referral to the organisation issued an hour ago and never acknowledged: due for escalation. */
    private static UUID overdueUrgentReferral(UUID organizationId) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement s = c.prepareStatement("""
                        INSERT INTO routing.referral (referral_id, reference, organization_id, organization_name, need,
                            urgency, law_enforcement, consent_basis, fallback, indicators, location, issued_at)
                        VALUES (?, 'TIP-PARTNERTOPIC', ?, 'Sweetwater Task Force', 'CASE_MANAGEMENT', 'URGENT', false,
                            'NOT_LAW_ENFORCEMENT', false, '["NEEDS_WITHIN_24H"]', NULL, ?)""")) {
            s.setObject(1, id);
            s.setObject(2, organizationId);
            s.setTimestamp(3, Timestamp.from(Instant.now().minus(Duration.ofHours(1))));
            s.executeUpdate();
        }
        return id;
    }

    private static OrganizationUpserted organization(UUID id, String name) {
        return new OrganizationUpserted(id, name, false, false, Set.of(), Set.of("en"), LocalDate.of(2026, 11, 1),
                List.of(new OrganizationUpserted.Service(UUID.randomUUID(), name, Set.of(Need.CASE_MANAGEMENT),
                        "1-555-0102", new OrganizationUpserted.Hours("America/Denver", true, List.of(), Set.of()),
                        new OrganizationUpserted.Area(false, Set.of(), Set.of("WY:" + county), Set.of()))),
                1, Instant.now());
    }
}
