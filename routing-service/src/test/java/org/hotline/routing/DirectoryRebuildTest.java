package org.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.hotline.contracts.EventCodec;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.events.TipReceived;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;

/**
 * Rebuilding the read model from the beginning of the compacted organisations topic, on an administrator's demand:
 * a read model that lost an organisation and holds one the topic never had is made equal to the topic again, and the
 * next decision is made from the rebuilt index.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class DirectoryRebuildTest {

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void aDamagedReadModelIsRebuiltFromTheTopicAndTheNextDecisionUsesIt() throws Exception {
        String county = "Sweetwater" + UUID.randomUUID().toString().substring(0, 6);
        OrganizationUpserted published = organization("Sweetwater Safe House", county);
        kafka.publishEvent(published.id().toString(), published);
        await().atMost(Duration.ofSeconds(30)).until(() -> ReadModelRows.contains(published.id()));
        assertThat(referredTo(tipDecided(county))).containsExactly(published.id().toString());

        // Damage: the published organisation lost, one the topic never carried slipped in.
        OrganizationUpserted neverPublished = organization("Sweetwater Phantom Shelter", county);
        execute("UPDATE routing.directory_organization SET deleted = true, document = NULL WHERE id = ?",
                published.id(), null);
        execute("""
                INSERT INTO routing.directory_organization (id, name, version, document, updated_at)
                VALUES (?, 'Sweetwater Phantom Shelter', 1, CAST(? AS jsonb), now())""", neverPublished.id(),
                new EventCodec().mapper().writeValueAsString(neverPublished));
        assertThat(referredTo(tipDecided(county))).containsExactly(neverPublished.id().toString());

        JsonPath rebuilt = Callers.admin().post("/api/v1/admin/directory/rebuild").then().statusCode(200)
                .body("organizations", greaterThanOrEqualTo(1))
                .body("removedNotOnTopic", greaterThanOrEqualTo(1))
                .extract().jsonPath();
        assertThat(rebuilt.getLong("recordsRead")).isGreaterThanOrEqualTo(rebuilt.getInt("organizations"));
        assertThat(rebuilt.getMap("endOffsets")).isNotEmpty();

        assertThat(ReadModelRows.contains(published.id())).isTrue();
        assertThat(ReadModelRows.contains(neverPublished.id())).isFalse();
        Callers.admin().get("/api/v1/admin/directory").then().statusCode(200)
                .body("indexed", equalTo(rebuilt.getInt("indexed")))
                .body("lastRebuild.startedAt", equalTo(rebuilt.getString("startedAt")));
        assertThat(referredTo(tipDecided(county))).containsExactly(published.id().toString());
    }

    /** A non-urgent tip needing case management in the county, once decided; returns its reference. */
    private String tipDecided(String county) {
        String reference = "TIP-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        kafka.publishEvent(reference, new TipReceived(reference, Instant.now(), Channel.WEB_FORM,
                TraffickingType.LABOR, Set.of(), Set.of(Need.CASE_MANAGEMENT),
                new Location("Rock Springs", county, "WY", "82901", "US"), false, null, "en", false));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Callers.agent().get("/api/v1/decisions/" + reference).statusCode() == 200);
        return reference;
    }

    /** The local organisations the decision referred the contact to (the national lines are left out). */
    private static List<String> referredTo(String reference) {
        return Callers.agent().get("/api/v1/decisions/" + reference).then().statusCode(200).extract().jsonPath()
                .getList("referrals.findAll { it.organizationName.startsWith('Sweetwater') }.organizationId",
                        String.class);
    }

    private static OrganizationUpserted organization(String name, String county) {
        return new OrganizationUpserted(UUID.randomUUID(), name, false, false, Set.of(), Set.of("en"),
                LocalDate.of(2026, 11, 1),
                List.of(new OrganizationUpserted.Service(UUID.randomUUID(), name, Set.of(Need.CASE_MANAGEMENT),
                        "1-555-0103", new OrganizationUpserted.Hours("America/Denver", true, List.of(), Set.of()),
                        new OrganizationUpserted.Area(false, Set.of(), Set.of("WY:" + county), Set.of()))),
                1, Instant.now());
    }

    private static void execute(String sql, UUID id, String document) throws Exception {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            if (document != null) {
                s.setString(2, document);
            }
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
