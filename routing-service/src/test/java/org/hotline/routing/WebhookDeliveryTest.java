package org.hotline.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.events.TipReceived;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.routing.service.EscalationSweep;
import org.hotline.routing.service.WebhookDispatcher;
import org.hotline.routing.service.WebhookPurge;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;

/**
 * Partner webhooks end to end on the real broker and database, to a receiver on loopback that verifies signatures with
 * the secret it was shown, checks the order and drops repeats by {@code webhook-id}. The test profile retries fast and
 * has a 3 s horizon, so "failing" is reached without waiting a day; every wait is for a condition.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class WebhookDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String ISSUED = "hotline.referral.issued";
    private static final String ESCALATED = "hotline.referral.escalated";

    @Inject
    EscalationSweep sweep;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    WebhookPurge purge;

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void anIssuedReferralArrivesAsASignedCloudEventWithTheKafkaEventsDataOnly() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            UUID organization = partnerOrganization();
            JsonPath registered = register(organization, receiver.url(), List.of(ISSUED, "hotline.referral.escalated"));
            receiver.trust("secret", registered.getString("secret"));
            assertThat(registered.getString("secret")).startsWith("whsec_");
            assertThat(registered.getString("status")).isEqualTo("ACTIVE");

            String referralId = referralOf(tipDecided(organization), organization);
            await().atMost(PATIENCE).until(() -> receiver.events().size() == 1);

            WebhookReceiver.Received received = receiver.events().get(0);
            assertThat(received.verifiedWith()).containsExactly("secret");
            assertThat(received.contentType()).startsWith("application/cloudevents+json");
            JsonPath event = new JsonPath(received.body());
            assertThat(event.getString("specversion")).isEqualTo("1.0");
            assertThat(event.getString("type")).isEqualTo(ISSUED);
            assertThat(event.getString("source")).isEqualTo("/hotline/routing-service");
            assertThat(event.getString("id")).isEqualTo(received.webhookId());
            assertThat(event.getString("datacontenttype")).isEqualTo("application/json");
            assertThat(event.getString("data.referralId")).isEqualTo(referralId);
            assertThat(event.getString("data.organizationId")).isEqualTo(organization.toString());
            // Exactly the fields of the Kafka event (hotline.referral.issued): nothing personal.
            assertThat(event.getMap("data").keySet()).containsExactlyInAnyOrder("referralId", "reference",
                    "organizationId", "organizationName", "need", "urgency", "lawEnforcement", "consentBasis",
                    "fallback", "indicators", "location", "issuedAt");

            String subscription = registered.getString("id");
            JsonPath log = deliveries(organization, subscription);
            assertThat(log.getList("items")).hasSize(1);
            assertThat(log.getString("items[0].eventId")).isEqualTo(received.webhookId());
            assertThat(log.getString("items[0].eventType")).isEqualTo(ISSUED);
            assertThat(log.getInt("items[0].statusCode")).isEqualTo(200);
            assertThat(log.getString("items[0].outcome")).isEqualTo("DELIVERED");
            assertThat(log.getInt("items[0].attempt")).isEqualTo(1);
            assertThat(log.getBoolean("items[0].replay")).isFalse();
            assertThat(log.getLong("items[0].durationMs")).isNotNegative();

            // The list never shows a secret; deleting the subscription removes it.
            Response listed = Callers.partner(organization).get(webhooks(organization));
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(listed.asString()).doesNotContain(registered.getString("secret").substring(6), "whsec_");
            assertThat(listed.jsonPath().getString("[0].status")).isEqualTo("ACTIVE");
            Callers.partner(organization).delete(webhooks(organization) + "/" + subscription).then().statusCode(204);
            assertThat(Callers.partner(organization).get(webhooks(organization)).jsonPath().getList("")).isEmpty();
        }
    }

    @Test
    void duringARotationsOverlapEveryDeliveryIsSignedWithBothSecrets() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            UUID organization = partnerOrganization();
            JsonPath registered = register(organization, receiver.url(), List.of(ISSUED));
            String subscription = registered.getString("id");
            JsonPath rotated = Callers.partner(organization)
                    .post(webhooks(organization) + "/" + subscription + "/secret-rotation")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(rotated.getString("secret")).startsWith("whsec_").isNotEqualTo(registered.getString("secret"));
            assertThat(Instant.parse(rotated.getString("previousSecretValidUntil"))).isAfter(Instant.now());
            receiver.trust("old", registered.getString("secret"));
            receiver.trust("new", rotated.getString("secret"));

            tipDecided(organization);
            await().atMost(PATIENCE).until(() -> receiver.events().size() == 1);

            WebhookReceiver.Received received = receiver.events().get(0);
            assertThat(received.signatures().split(" ")).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("v1,"));
            assertThat(received.verifiedWith()).containsExactlyInAnyOrder("old", "new");
            delete(organization, subscription);
        }
    }

    @Test
    void aFailingEndpointGetsEveryEventOnceInOrderUnderTheSameWebhookIdOnRetry() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            AtomicInteger requests = new AtomicInteger();
            receiver.answer(() -> requests.incrementAndGet() <= 3 ? 500 : 204);
            UUID organization = partnerOrganization();
            JsonPath registered = register(organization, receiver.url(), List.of(ISSUED));
            receiver.trust("secret", registered.getString("secret"));
            String subscription = registered.getString("id");

            String first = referralOf(tipDecided(organization), organization);
            String second = referralOf(tipDecided(organization), organization);
            await().atMost(PATIENCE).until(() -> receiver.events().size() == 2);

            assertThat(receiver.events()).extracting(r -> new JsonPath(r.body()).getString("data.referralId"))
                    .containsExactly(first, second);
            List<WebhookReceiver.Received> all = receiver.requests();
            String firstId = receiver.events().get(0).webhookId();
            // The first event is tried until delivered, always under one id, and nothing overtakes it.
            assertThat(all.subList(0, 4)).extracting(WebhookReceiver.Received::webhookId).containsOnly(firstId);
            assertThat(all).allSatisfy(r -> assertThat(r.verifiedWith()).containsExactly("secret"));
            assertThat(all.stream().filter(r -> !r.webhookId().equals(firstId)).map(WebhookReceiver.Received::webhookId)
                    .distinct().toList()).containsExactly(receiver.events().get(1).webhookId());

            JsonPath log = deliveries(organization, subscription);
            List<Map<String, Object>> oldestFirst = log.getList("items");
            java.util.Collections.reverse(oldestFirst = new java.util.ArrayList<>(oldestFirst));
            assertThat(oldestFirst).extracting(d -> d.get("outcome"), d -> d.get("statusCode"), d -> d.get("attempt"))
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("FAILED", 500, 1),
                            org.assertj.core.groups.Tuple.tuple("FAILED", 500, 2),
                            org.assertj.core.groups.Tuple.tuple("FAILED", 500, 3),
                            org.assertj.core.groups.Tuple.tuple("DELIVERED", 204, 4),
                            org.assertj.core.groups.Tuple.tuple("DELIVERED", 204, 1));
            assertThat(oldestFirst.subList(0, 4)).extracting(d -> d.get("eventId")).containsOnly(firstId);
            await().atMost(PATIENCE).until(() -> "ACTIVE".equals(status(organization, subscription)));
            delete(organization, subscription);
        }
    }

    @Test
    void goneDisablesTheSubscriptionAndItsOrganisationsEventsAreNoLongerKept() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(() -> 410);
            UUID organization = partnerOrganization();
            JsonPath registered = register(organization, receiver.url(), List.of(ISSUED));
            String subscription = registered.getString("id");

            tipDecided(organization);
            await().atMost(PATIENCE).until(() -> "DISABLED".equals(status(organization, subscription)));

            JsonPath listed = Callers.partner(organization).get(webhooks(organization)).jsonPath();
            assertThat(listed.getString("[0].disabledReason")).contains("410");
            JsonPath log = deliveries(organization, subscription);
            assertThat(log.getList("items")).hasSize(1);
            assertThat(log.getString("items[0].outcome")).isEqualTo("GONE");
            assertThat(log.getInt("items[0].statusCode")).isEqualTo(410);
            assertThat(receiver.requests()).hasSize(1);

            // A later referral is no longer kept for webhooks (the decision and its events commit together).
            tipDecided(organization);
            assertThat(eventsKept(organization)).isEqualTo(1);
            // A replay to a disabled subscription is refused.
            Callers.partner(organization).post(webhooks(organization) + "/" + subscription + "/deliveries/"
                    + log.getString("items[0].id") + "/replay").then().statusCode(409);
            delete(organization, subscription);
        }
    }

    @Test
    void pastTheRetryHorizonTheSubscriptionIsFailingAndResumesWhereItStoppedOnceFixed() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(() -> 503);
            UUID organization = partnerOrganization();
            JsonPath registered = register(organization, receiver.url(), List.of(ISSUED));
            receiver.trust("secret", registered.getString("secret"));
            String subscription = registered.getString("id");

            String first = referralOf(tipDecided(organization), organization);
            String second = referralOf(tipDecided(organization), organization);
            await().atMost(PATIENCE).until(() -> "FAILING".equals(status(organization, subscription)));
            assertThat(Callers.partner(organization).get(webhooks(organization)).jsonPath()
                    .getString("[0].failingSince")).isNotNull();
            await().atMost(PATIENCE).until(() -> failingGauge() >= 1);
            assertThat(receiver.events()).isEmpty();

            receiver.answer(() -> 200);
            await().atMost(PATIENCE).until(() -> receiver.events().size() == 2);
            assertThat(receiver.events()).extracting(r -> new JsonPath(r.body()).getString("data.referralId"))
                    .containsExactly(first, second);
            await().atMost(PATIENCE).until(() -> "ACTIVE".equals(status(organization, subscription)));
            assertThat(Callers.partner(organization).get(webhooks(organization)).jsonPath()
                    .getString("[0].failingSince")).isNull();
            delete(organization, subscription);
        }
    }

    @Test
    void aReplaySendsTheSameEventAgainUnderTheSameWebhookId() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            UUID organization = partnerOrganization();
            JsonPath registered = register(organization, receiver.url(), List.of(ISSUED));
            receiver.trust("secret", registered.getString("secret"));
            String subscription = registered.getString("id");
            tipDecided(organization);
            await().atMost(PATIENCE).until(() -> receiver.events().size() == 1);
            String deliveryId = deliveries(organization, subscription).getString("items[0].id");

            JsonPath replayed = Callers.partner(organization).post(webhooks(organization) + "/" + subscription
                    + "/deliveries/" + deliveryId + "/replay").then().statusCode(200).extract().jsonPath();

            assertThat(replayed.getBoolean("replay")).isTrue();
            assertThat(replayed.getString("outcome")).isEqualTo("DELIVERED");
            assertThat(replayed.getString("eventId")).isEqualTo(receiver.events().get(0).webhookId());
            assertThat(receiver.requests()).hasSize(2).extracting(WebhookReceiver.Received::webhookId)
                    .containsOnly(receiver.events().get(0).webhookId());
            assertThat(receiver.requests()).allSatisfy(r -> assertThat(r.verifiedWith()).containsExactly("secret"));
            assertThat(receiver.events()).hasSize(1);
            assertThat(deliveries(organization, subscription).getList("items")).hasSize(2);
            Callers.partner(organization).post(webhooks(organization) + "/" + subscription + "/deliveries/"
                    + UUID.randomUUID() + "/replay").then().statusCode(404);
            delete(organization, subscription);
        }
    }

    @Test
    void registrationRefusesInnerAddressesAndNamesEveryBadField() {
        UUID organization = UUID.randomUUID();
        for (String url : List.of("https://10.0.0.8/hook", "https://169.254.169.254/latest/meta-data",
                "https://[fd00:ec2::254]/", "https://192.168.1.20/", "https://100.64.0.9/", "https://[fe80::1]/",
                "https://[::ffff:172.16.0.1]/", "https://224.0.0.1/", "http://93.184.215.14/hook",
                "ftp://93.184.215.14/", "https://user:password@127.0.0.1/", "not a url")) {
            Response refused = Callers.partner(organization).contentType("application/json")
                    .body(Map.of("url", url, "eventTypes", List.of(ISSUED)))
                    .post(webhooks(organization));
            assertThat(refused.statusCode()).as(url).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getList("violations.field")).as(url).containsExactly("url");
            assertThat(refused.asString()).doesNotContain("password", "meta-data", "/hook");
        }
        Response everyField = Callers.partner(organization).contentType("application/json")
                .body(Map.of("url", "https://10.0.0.8/", "eventTypes", List.of(ISSUED, "hotline.referral.deleted")))
                .post(webhooks(organization));
        assertThat(everyField.statusCode()).isEqualTo(400);
        assertThat(everyField.jsonPath().getList("violations.field")).containsExactlyInAnyOrder("url",
                "eventTypes[1]");
        Response empty = Callers.partner(organization).contentType("application/json").body("{}")
                .post(webhooks(organization));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.jsonPath().getList("violations.field")).containsExactlyInAnyOrder("url", "eventTypes");
        assertThat(Callers.partner(organization).get(webhooks(organization)).jsonPath().getList("")).isEmpty();
    }

    @Test
    void aPartnerManagesOnlyItsOwnOrganisationsWebhooks() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            String ofA = register(a, receiver.url(), List.of(ISSUED)).getString("id");
            String ofB = register(b, receiver.url(), List.of(ISSUED)).getString("id");
            String anyDelivery = UUID.randomUUID().toString();

            List<Response> refused = List.of(
                    Callers.partner(b).get(webhooks(a)),
                    Callers.partner(b).contentType("application/json")
                            .body(Map.of("url", receiver.url(), "eventTypes", List.of(ISSUED))).post(webhooks(a)),
                    Callers.partner(b).delete(webhooks(a) + "/" + ofA),
                    Callers.partner(b).post(webhooks(a) + "/" + ofA + "/secret-rotation"),
                    Callers.partner(b).get(webhooks(a) + "/" + ofA + "/deliveries"),
                    Callers.partner(b).post(webhooks(a) + "/" + ofA + "/deliveries/" + anyDelivery + "/replay"),
                    Callers.supervisor().get(webhooks(a)),
                    Callers.agent().get(webhooks(a)));
            assertThat(refused).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(403));
            assertThat(refused.subList(0, 6)).allSatisfy(r -> assertThat(r.contentType())
                    .startsWith("application/problem+json"));

            // B's subscription under A's path is unknown to A, and untouched.
            Callers.partner(a).delete(webhooks(a) + "/" + ofB).then().statusCode(404);
            Callers.partner(a).post(webhooks(a) + "/" + ofB + "/secret-rotation").then().statusCode(404);
            Callers.partner(a).get(webhooks(a) + "/" + ofB + "/deliveries").then().statusCode(404);
            assertThat(Callers.partner(a).get(webhooks(a)).jsonPath().getList("id")).containsExactly(ofA);
            assertThat(Callers.partner(b).get(webhooks(b)).jsonPath().getList("id")).containsExactly(ofB);
            // An administrator manages any organisation's.
            assertThat(Callers.admin().get(webhooks(b)).jsonPath().getList("id")).containsExactly(ofB);
            Callers.admin().delete(webhooks(b) + "/" + ofB).then().statusCode(204);
            delete(a, ofA);
        }
    }

    @Test
    void anEscalationIsDeliveredToSubscriptionsThatAskedForItAndSkippedByTheOthers() throws Exception {
        try (WebhookReceiver both = new WebhookReceiver(); WebhookReceiver issuedOnly = new WebhookReceiver()) {
            UUID organization = partnerOrganization();
            JsonPath all = register(organization, both.url(), List.of(ISSUED, ESCALATED));
            JsonPath some = register(organization, issuedOnly.url(), List.of(ISSUED));
            both.trust("secret", all.getString("secret"));
            issuedOnly.trust("secret", some.getString("secret"));

            UUID overdue = insertOverdueUrgentReferral(organization);
            sweep.sweep();
            await().atMost(PATIENCE).until(() -> both.events().stream()
                    .anyMatch(r -> overdue.toString().equals(new JsonPath(r.body()).getString("data.referralId"))));
            JsonPath escalation = new JsonPath(both.events().get(0).body());
            assertThat(escalation.getString("type")).isEqualTo(ESCALATED);
            assertThat(escalation.getString("data.escalatedAt")).isNotNull();
            assertThat(escalation.getMap("data").keySet()).containsExactlyInAnyOrder("referralId", "reference",
                    "organizationId", "need", "urgency", "issuedAt", "escalatedAt");

            // The other subscription skips the escalation: the issued referral after it is the first it receives.
            String issued = referralOf(tipDecided(organization), organization);
            await().atMost(PATIENCE).until(() -> issuedOnly.events().size() == 1);
            assertThat(issuedOnly.requests()).extracting(r -> new JsonPath(r.body()).getString("type"))
                    .containsOnly(ISSUED);
            assertThat(new JsonPath(issuedOnly.events().get(0).body()).getString("data.referralId")).isEqualTo(issued);
            delete(organization, all.getString("id"));
            delete(organization, some.getString("id"));
        }
    }

    @Test
    void aPartnerWhoseEndpointHangsDoesNotHoldBackAnother() throws Exception {
        CountDownLatch slowEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (WebhookReceiver slow = new WebhookReceiver(); WebhookReceiver fast = new WebhookReceiver()) {
            slow.answer(() -> {
                slowEntered.countDown();
                try {
                    release.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 200;
            });
            UUID slowPartner = partnerOrganization();
            UUID fastPartner = partnerOrganization();
            String slowSubscription = register(slowPartner, slow.url(), List.of(ISSUED)).getString("id");
            JsonPath fastRegistered = register(fastPartner, fast.url(), List.of(ISSUED));
            fast.trust("secret", fastRegistered.getString("secret"));

            tipDecided(slowPartner);
            assertThat(slowEntered.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            // The slow partner's delivery is in flight, and stays so until released (the test profile's timeout
            // is minutes): the fast partner's referral arrives meanwhile.
            String fastReferral = referralOf(tipDecided(fastPartner), fastPartner);
            await().atMost(PATIENCE).until(() -> fast.events().size() == 1);
            assertThat(new JsonPath(fast.events().get(0).body()).getString("data.referralId"))
                    .isEqualTo(fastReferral);
            assertThat(deliveries(slowPartner, slowSubscription).getList("items")).isEmpty();
            assertThat(slow.requests()).hasSize(1);

            release.countDown();
            await().atMost(PATIENCE).until(() -> deliveries(slowPartner, slowSubscription).getList("items").size() == 1);
            assertThat(deliveries(slowPartner, slowSubscription).getString("items[0].outcome")).isEqualTo("DELIVERED");
            delete(slowPartner, slowSubscription);
            delete(fastPartner, fastRegistered.getString("id"));
        } finally {
            release.countDown();
        }
    }

    @Test
    void pollsRacingEachOtherDeliverEveryEventExactlyOnce() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            UUID organization = partnerOrganization();
            JsonPath registered = register(organization, receiver.url(), List.of(ISSUED));
            receiver.trust("secret", registered.getString("secret"));
            List<String> referrals = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                referrals.add(referralOf(tipDecided(organization), organization));
            }
            // Four pollers at once beside the scheduled one, as several instances would: each lease is one poller's.
            ExecutorService pollers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> running = new java.util.ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    running.add(pollers.submit(() -> {
                        while (receiver.events().size() < referrals.size()) {
                            dispatcher.poll();
                        }
                    }));
                }
                for (Future<?> poller : running) {
                    poller.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                }
            } finally {
                pollers.shutdownNow();
            }
            assertThat(receiver.events()).extracting(r -> new JsonPath(r.body()).getString("data.referralId"))
                    .containsExactlyElementsOf(referrals);
            assertThat(receiver.requests()).hasSize(referrals.size());
            delete(organization, registered.getString("id"));
        }
    }

    @Test
    void thePurgeDropsWhatIsOlderThanTheRetentionButNeverAnUndeliveredEvent() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(() -> 503);
            UUID subscribed = UUID.randomUUID();
            UUID unsubscribed = UUID.randomUUID();
            String subscription = register(subscribed, receiver.url(), List.of(ISSUED)).getString("id");
            Instant eightDaysAgo = Instant.now().minus(Duration.ofDays(8));
            long undelivered = insertEvent(subscribed, eightDaysAgo);
            long nobodyWaits = insertEvent(unsubscribed, eightDaysAgo);
            long recent = insertEvent(unsubscribed, Instant.now());
            await().atMost(PATIENCE).until(() -> !deliveries(subscribed, subscription).getList("items").isEmpty());
            UUID oldAttempt = insertDelivery(UUID.fromString(subscription), undelivered, eightDaysAgo);

            purge.purge();

            assertThat(eventExists(undelivered)).as("an event a live subscription has not delivered").isTrue();
            assertThat(eventExists(nobodyWaits)).isFalse();
            assertThat(eventExists(recent)).isTrue();
            List<String> kept = deliveries(subscribed, subscription).getList("items.id", String.class);
            assertThat(kept).isNotEmpty().doesNotContain(oldAttempt.toString());
            assertThat(rowCount("SELECT count(*) FROM routing.webhook_delivery WHERE id = ?", oldAttempt)).isZero();
            delete(subscribed, subscription);
        }
    }

    private static long insertEvent(UUID organization, Instant occurredAt) throws SQLException {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement s = c.prepareStatement("""
                        INSERT INTO routing.partner_event (event_id, organization_id, event_type, payload, occurred_at)
                        VALUES (?, ?, 'hotline.referral.issued', ?, ?) RETURNING seq""")) {
            s.setObject(1, UUID.randomUUID());
            s.setObject(2, organization);
            s.setString(3, "{\"referralId\": \"" + UUID.randomUUID() + "\"}");
            s.setTimestamp(4, java.sql.Timestamp.from(occurredAt));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static UUID insertDelivery(UUID subscription, long eventSeq, Instant attemptedAt) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement s = c.prepareStatement("""
                        INSERT INTO routing.webhook_delivery (id, subscription_id, event_seq, event_id, event_type,
                            attempt, replay, status_code, outcome, attempted_at, duration_ms)
                        VALUES (?, ?, ?, ?, 'hotline.referral.issued', 1, false, 500, 'FAILED', ?, 3)""")) {
            s.setObject(1, id);
            s.setObject(2, subscription);
            s.setLong(3, eventSeq);
            s.setObject(4, UUID.randomUUID());
            s.setTimestamp(5, java.sql.Timestamp.from(attemptedAt));
            s.executeUpdate();
        }
        return id;
    }

    private static boolean eventExists(long seq) throws SQLException {
        return rowCount("SELECT count(*) FROM routing.partner_event WHERE seq = ?", seq) == 1;
    }

    private static long rowCount(String sql, Object parameter) throws SQLException {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static UUID insertOverdueUrgentReferral(UUID organization) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement s = c.prepareStatement("""
                        INSERT INTO routing.referral (referral_id, reference, organization_id, organization_name, need,
                            urgency, law_enforcement, consent_basis, fallback, indicators, location, issued_at)
                        VALUES (?, 'TIP-WEBHOOKESC', ?, 'Webhook Partner', 'SHELTER', 'URGENT', false,
                            'NOT_LAW_ENFORCEMENT', false, '["IMMINENT_DANGER"]', NULL, ?)""")) {
            s.setObject(1, id);
            s.setObject(2, organization);
            s.setTimestamp(3, java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(1))));
            s.executeUpdate();
        }
        return id;
    }

    // --- helpers ---

    private static String webhooks(UUID organization) {
        return "/api/v1/partners/" + organization + "/webhooks";
    }

    private static JsonPath register(UUID organization, String url, List<String> eventTypes) {
        return Callers.partner(organization).contentType("application/json")
                .body(Map.of("url", url, "eventTypes", eventTypes))
                .post(webhooks(organization))
                .then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath deliveries(UUID organization, String subscription) {
        return Callers.partner(organization).get(webhooks(organization) + "/" + subscription + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String status(UUID organization, String subscription) {
        List<Map<String, Object>> listed = Callers.partner(organization).get(webhooks(organization)).jsonPath()
                .getList("");
        return listed.stream().filter(s -> subscription.equals(s.get("id"))).map(s -> (String) s.get("status"))
                .findFirst().orElse(null);
    }

    private static void delete(UUID organization, String subscription) {
        Callers.partner(organization).delete(webhooks(organization) + "/" + subscription).then().statusCode(204);
    }

    private static double failingGauge() {
        return given().get("/q/metrics").asString().lines()
                .filter(line -> line.startsWith("hotline_webhooks_failing"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .max().orElse(0);
    }

    private static long eventsKept(UUID organization) throws SQLException {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM routing.partner_event WHERE organization_id = ?")) {
            s.setObject(1, organization);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A new partner organisation in the read model, serving shelter in a county of its own. */
    private UUID partnerOrganization() {
        UUID id = UUID.randomUUID();
        String county = countyOf(id);
        OrganizationUpserted organization = new OrganizationUpserted(id, "Webhook Partner " + id, false, false,
                Set.of(), Set.of("en"), LocalDate.of(2026, 11, 1),
                List.of(new OrganizationUpserted.Service(UUID.randomUUID(), "Shelter", Set.of(Need.SHELTER),
                        "1-555-0102", new OrganizationUpserted.Hours("America/Denver", true, List.of(), Set.of()),
                        new OrganizationUpserted.Area(false, Set.of(), Set.of("WY:" + county), Set.of()))),
                1, Instant.now());
        kafka.publishEvent(id.toString(), organization);
        await().atMost(PATIENCE).until(() -> ReadModelRows.contains(id));
        return id;
    }

    private static String countyOf(UUID organization) {
        return "Webhook" + organization.toString().substring(0, 8);
    }

    /** A non-urgent tip needing shelter in the organisation's county, once decided; returns its reference. */
    private String tipDecided(UUID organization) {
        String reference = "TIP-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        kafka.publishEvent(reference, new TipReceived(reference, Instant.now(), Channel.WEB_FORM,
                TraffickingType.LABOR, Set.of(), Set.of(Need.SHELTER),
                new Location("Casper", countyOf(organization), "WY", "82601", "US"), false, null, "en", false));
        await().atMost(PATIENCE).until(() ->
                Callers.supervisor().get("/api/v1/decisions/" + reference).statusCode() == 200);
        return reference;
    }

    private static String referralOf(String reference, UUID organization) {
        List<String> ids = Callers.supervisor().get("/api/v1/decisions/" + reference).then().statusCode(200)
                .extract().jsonPath().getList("referrals.findAll { it.organizationId == '" + organization
                        + "' }.referralId", String.class);
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }
}
