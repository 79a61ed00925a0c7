package org.hotline.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.testsupport.AuthorizationMatrix.json;
import static org.awaitility.Awaitility.await;

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
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.events.TipReceived;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.testsupport.AuthorizationMatrix;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Who may call what on routing: every endpoint × no token and every role, and partners scoped to their own
 * organisation — one partner reading or acknowledging another's referrals never succeeds.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class RoutingAuthorizationTest {

    /** The organisation of {@link AuthorizationMatrix}'s partner token. */
    private static final UUID MATRIX_PARTNER = UUID.fromString("00000000-0000-0000-0000-00000000ab01");

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void everyEndpointAnswersOnlyItsRoles() throws Exception {
        String county = uniqueCounty();
        publish(organization(MATRIX_PARTNER, "Matrix Partner Shelter", county));
        String reference = tipDecided(county);
        String referralId = referralsOf(reference, MATRIX_PARTNER).get(0);

        AuthorizationMatrix matrix = new AuthorizationMatrix()
                .endpoint("GET", "/api/v1/decisions/{reference}", "/api/v1/decisions/" + reference,
                        Set.of("agent", "supervisor"))
                .endpoint("GET", "/api/v1/partners/{organizationId}/referrals",
                        "/api/v1/partners/" + MATRIX_PARTNER + "/referrals", Set.of("partner", "supervisor", "admin"))
                .endpoint("POST", "/api/v1/referrals/{referralId}/acknowledgement",
                        "/api/v1/referrals/" + referralId + "/acknowledgement", Set.of("partner", "supervisor"))
                .endpoint("POST", "/api/v1/referrals/{referralId}/outcome",
                        "/api/v1/referrals/" + referralId + "/outcome", Set.of("partner", "supervisor"),
                        json("{\"outcome\": \"CONTACTED\"}"))
                .endpoint("GET", "/api/v1/admin/directory", "/api/v1/admin/directory", Set.of("admin"))
                .endpoint("POST", "/api/v1/admin/directory/rebuild", "/api/v1/admin/directory/rebuild",
                        Set.of("admin"));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String webhooks = "/api/v1/partners/" + MATRIX_PARTNER + "/webhooks";
            String registration = "{\"url\": \"" + receiver.url() + "\", \"eventTypes\": [\"hotline.referral.issued\"]}";
            String subscription = Callers.partner(MATRIX_PARTNER).contentType("application/json").body(registration)
                    .post(webhooks).then().statusCode(201).extract().path("id");
            String removed = Callers.partner(MATRIX_PARTNER).contentType("application/json").body(registration)
                    .post(webhooks).then().statusCode(201).extract().path("id");
            String unknownDelivery = UUID.randomUUID().toString();
            matrix.endpoint("POST", "/api/v1/partners/{organizationId}/webhooks", webhooks,
                            Set.of("partner", "admin"), json(registration))
                    .endpoint("GET", "/api/v1/partners/{organizationId}/webhooks", webhooks,
                            Set.of("partner", "admin"))
                    .endpoint("POST", "/api/v1/partners/{organizationId}/webhooks/{id}/secret-rotation",
                            webhooks + "/" + subscription + "/secret-rotation", Set.of("partner", "admin"))
                    .endpoint("GET", "/api/v1/partners/{organizationId}/webhooks/{id}/deliveries",
                            webhooks + "/" + subscription + "/deliveries", Set.of("partner", "admin"))
                    .endpoint("POST", "/api/v1/partners/{organizationId}/webhooks/{id}/deliveries/{deliveryId}/replay",
                            webhooks + "/" + subscription + "/deliveries/" + unknownDelivery + "/replay",
                            Set.of("partner", "admin"))
                    .endpoint("DELETE", "/api/v1/partners/{organizationId}/webhooks/{id}",
                            webhooks + "/" + removed, Set.of("partner", "admin"));
            matrix.platformAdministration();
            matrix.coversOpenApi();
            matrix.matchesReadme(java.nio.file.Path.of("README.md"));
            assertThat(matrix.verify()).isEqualTo((6 + 6 + 4) * AuthorizationMatrix.CALLERS.size());
            // Leave no subscription behind: the matrix registered two more.
            for (String id : Callers.admin().get(webhooks).jsonPath().getList("id", String.class)) {
                Callers.admin().delete(webhooks + "/" + id).then().statusCode(204);
            }
        }

        // Health stays public, for load balancers and orchestrators.
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void partnerANeverReadsOrAcknowledgesPartnerBsReferrals() {
        String county = uniqueCounty();
        OrganizationUpserted a = organization(UUID.randomUUID(), "Partner A Shelter", county);
        OrganizationUpserted b = organization(UUID.randomUUID(), "Partner B Shelter", county);
        publish(a, b);
        List<String> referencesDecided = List.of(tipDecided(county), tipDecided(county));
        List<String> ofA = new ArrayList<>();
        List<String> ofB = new ArrayList<>();
        for (String reference : referencesDecided) {
            ofA.addAll(referralsOf(reference, a.id()));
            ofB.addAll(referralsOf(reference, b.id()));
        }
        assertThat(ofA).hasSize(2);
        assertThat(ofB).hasSize(2);
        String feedA = "/api/v1/partners/" + a.id() + "/referrals";
        String feedB = "/api/v1/partners/" + b.id() + "/referrals";
        // The feed serves referrals in commit order, once no older writing transaction is open: wait for both.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Callers.supervisor().get(feedA).jsonPath().getList("items").size() == 2
                        && Callers.supervisor().get(feedB).jsonPath().getList("items").size() == 2);
        String cursorOfB = Callers.partner(b.id()).get(feedB).then().statusCode(200).extract().path("nextCursor");

        // Each partner reads its own feed.
        assertThat(Callers.partner(a.id()).get(feedA).then().statusCode(200).extract().jsonPath()
                .getList("items.referralId", String.class)).containsExactlyInAnyOrderElementsOf(ofA);

        List<Response> attempts = new ArrayList<>();
        attempts.add(Callers.partner(a.id()).get(feedB));
        attempts.add(Callers.partner(a.id()).queryParam("after", cursorOfB).queryParam("limit", 200).get(feedB));
        attempts.add(Callers.partner(b.id()).get(feedA));
        for (String referralId : ofB) {
            attempts.add(Callers.partner(a.id()).post("/api/v1/referrals/" + referralId + "/acknowledgement"));
        }
        for (String referralId : ofA) {
            attempts.add(Callers.partner(b.id()).post("/api/v1/referrals/" + referralId + "/acknowledgement"));
        }
        for (String referralId : ofB) {
            attempts.add(Callers.partner(a.id()).contentType("application/json").body("{\"outcome\": \"DECLINED\"}")
                    .post("/api/v1/referrals/" + referralId + "/outcome"));
        }
        // A third partner, never referred anything, is refused both too.
        UUID third = UUID.randomUUID();
        attempts.add(Callers.partner(third).get(feedA));
        attempts.add(Callers.partner(third).post("/api/v1/referrals/" + ofA.get(0) + "/acknowledgement"));

        assertThat(attempts).hasSize(11);
        assertThat(attempts.stream().filter(r -> r.statusCode() / 100 == 2).count()).as("successes").isZero();
        assertThat(attempts).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.asString()).doesNotContain("referralId", "reference");
        });

        // Nothing was acknowledged by the refused attempts; a supervisor may acknowledge any partner's referral.
        JsonPath afterAttempts = Callers.supervisor().get(feedB).then().statusCode(200).extract().jsonPath();
        assertThat(afterAttempts.getList("items.acknowledgedAt")).hasSize(2).containsOnlyNulls();
        assertThat(afterAttempts.getList("items.outcome")).hasSize(2).containsOnlyNulls();
        assertThat(Callers.partner(a.id()).get(feedA).then().extract().jsonPath().getList("items.acknowledgedAt"))
                .containsOnlyNulls();
        Callers.supervisor().post("/api/v1/referrals/" + ofB.get(0) + "/acknowledgement").then().statusCode(200);
        Callers.partner(b.id()).post("/api/v1/referrals/" + ofB.get(1) + "/acknowledgement").then().statusCode(200);
        assertThat(Callers.partner(b.id()).get(feedB).then().extract().jsonPath().getList("items.acknowledgedAt"))
                .doesNotContainNull();
    }

    @Test
    void aTamperedTokenIsRefused() {
        String[] parts = TestTokens.supervisor().split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(tampered).get("/api/v1/decisions/TIP-0000000000").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/v1/admin/directory").then().statusCode(401);
    }

    private static String uniqueCounty() {
        return "Natrona" + UUID.randomUUID().toString().substring(0, 6);
    }

    private void publish(OrganizationUpserted... organizations) {
        for (OrganizationUpserted o : organizations) {
            kafka.publishEvent(o.id().toString(), o);
        }
        for (OrganizationUpserted o : organizations) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ReadModelRows.contains(o.id()));
        }
    }

    /** A non-urgent tip needing shelter in the county, once decided; returns its reference. */
    private String tipDecided(String county) {
        String reference = "TIP-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        kafka.publishEvent(reference, new TipReceived(reference, Instant.now(), Channel.WEB_FORM,
                TraffickingType.LABOR, Set.of(), Set.of(Need.SHELTER),
                new Location("Casper", county, "WY", "82601", "US"), false, null, "en", false));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Callers.supervisor().get("/api/v1/decisions/" + reference).statusCode() == 200);
        return reference;
    }

    private static List<String> referralsOf(String reference, UUID organizationId) {
        return Callers.supervisor().get("/api/v1/decisions/" + reference).then().statusCode(200).extract().jsonPath()
                .getList("referrals.findAll { it.organizationId == '" + organizationId + "' }.referralId",
                        String.class);
    }

    private static OrganizationUpserted organization(UUID id, String name, String county) {
        return new OrganizationUpserted(id, name, false, false, Set.of(), Set.of("en"), LocalDate.of(2026, 11, 1),
                List.of(new OrganizationUpserted.Service(UUID.randomUUID(), name, Set.of(Need.SHELTER), "1-555-0102",
                        new OrganizationUpserted.Hours("America/Denver", true, List.of(), Set.of()),
                        new OrganizationUpserted.Area(false, Set.of(), Set.of("WY:" + county), Set.of()))),
                1, Instant.now());
    }
}
