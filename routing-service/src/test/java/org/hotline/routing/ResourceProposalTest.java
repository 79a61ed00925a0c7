package org.hotline.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.hotline.contracts.EventCodec;
import org.hotline.contracts.EventType;
import org.hotline.contracts.Topics;
import org.hotline.contracts.events.CallReceived;
import org.hotline.contracts.events.ResourceUpserted;
import org.hotline.contracts.events.RoutingDecided;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.CallerType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.ResourceAudience;
import org.hotline.contracts.vocabulary.ResourceKind;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.routing.service.ResourceCatalogue;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The directory's resource library reaches routing through its compacted topic, and a general-information call gets
 * the resources that suit it in its decision, explained; a resource retired (its tombstone) is no longer proposed.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ResourceProposalTest {

    /** Generous: the first decision waits for the consumer groups to be joined, slow on a loaded machine. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final LocalDate LONG_AGO = LocalDate.of(2020, 1, 1);

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();
    private final EventCodec codec = new EventCodec();
    @Inject
    ResourceCatalogue catalogue;

    @Test
    void aGeneralInformationCallGetsTheResourcesThatSuitItAndARetiredOneIsNoLongerProposed() {
        String token = "Rx" + UUID.randomUUID().toString().substring(0, 8);
        ResourceUpserted forClinicians = resource(token + " clinicians", Set.of(Need.MEDICAL, Need.INFORMATION),
                Set.of(ResourceAudience.MEDICAL), Set.of("es", "en"), null, 0);
        ResourceUpserted forEducators = resource(token + " educators", Set.of(Need.MEDICAL, Need.INFORMATION),
                Set.of(ResourceAudience.EDUCATOR), Set.of("es"), null, 0);
        ResourceUpserted retiredByDate = resource(token + " retired", Set.of(Need.MEDICAL),
                Set.of(ResourceAudience.PUBLIC), Set.of("es"), LocalDate.of(2021, 1, 1), 0);
        List.of(forClinicians, forEducators, retiredByDate).forEach(r -> kafka.publishEvent(r.id().toString(), r));
        await().atMost(PATIENCE).until(() -> live().containsAll(
                Set.of(forClinicians.id(), forEducators.id(), retiredByDate.id())));

        String reference = call(CallType.GENERAL_INFO);
        JsonPath decision = awaitDecision(reference);
        List<String> proposed = decision.getList("resources.resourceId");
        assertThat(proposed).contains(forClinicians.id().toString())
                .doesNotContain(forEducators.id().toString(), retiredByDate.id().toString());
        Map<String, Object> chosen = decision.getMap("resources.find { it.resourceId == '"
                + forClinicians.id() + "' }");
        assertThat(chosen).containsEntry("title", token + " clinicians").containsEntry("kind", "FACT_SHEET")
                .containsEntry("link", "https://example.org/" + forClinicians.id());
        assertThat((String) chosen.get("reason")).contains("MEDICAL").contains("for MEDICAL").contains("in es");
        List<String> rules = decision.getList("rules");
        assertThat(rules).contains("resources: topics [MEDICAL, INFORMATION], audience MEDICAL, language es")
                .anyMatch(r -> r.startsWith("resource: " + token + " clinicians ("))
                .contains("passed over resource: " + token + " educators (written for [EDUCATOR], not MEDICAL)")
                .contains("passed over resource: " + token + " retired (retired)");
        RoutingDecided event = codec.decode(EventType.ROUTING_DECIDED, kafka.await(Topics.ROUTING_DECISIONS,
                r -> reference.equals(r.key()), 1, PATIENCE).get(0).value(), RoutingDecided.class);
        assertThat(event.resources()).extracting(RoutingDecided.ProposedResource::resourceId)
                .contains(forClinicians.id()).hasSizeLessThanOrEqualTo(3);

        kafka.send(Topics.DIRECTORY_RESOURCES, forClinicians.id().toString(), null,
                KafkaTestClient.cloudEventHeaders(UUID.randomUUID(), EventType.RESOURCE_UPSERTED));
        await().atMost(PATIENCE).until(() -> !live().contains(forClinicians.id()));

        String after = call(CallType.GENERAL_INFO);
        JsonPath later = awaitDecision(after);
        assertThat(later.getList("resources.resourceId", String.class)).doesNotContain(forClinicians.id().toString());
        assertThat(later.getList("rules", String.class)).noneMatch(r -> r.contains(token + " clinicians"));

        // A record older than the tombstone, delivered again, does not bring the resource back.
        kafka.publishEvent(forClinicians.id().toString(), forClinicians);
        String reference3 = call(CallType.GENERAL_INFO);
        assertThat(awaitDecision(reference3).getList("resources.resourceId", String.class))
                .doesNotContain(forClinicians.id().toString());
        assertThat(live()).doesNotContain(forClinicians.id());
    }

    @Test
    void aCrisisCallIsProposedNoResource() {
        String reference = call(CallType.CRISIS);
        JsonPath decision = awaitDecision(reference);
        assertThat(decision.getList("resources")).isEmpty();
        assertThat(decision.getList("rules", String.class)).noneMatch(r -> r.startsWith("resource"));
    }

    private Set<UUID> live() {
        return QuarkusTransaction.requiringNew().call(() -> Set.copyOf(catalogue.current().stream()
                .map(CatalogueResource::id).toList()));
    }

    private static ResourceUpserted resource(String title, Set<Need> needs, Set<ResourceAudience> audiences,
            Set<String> languages, LocalDate retiredOn, long version) {
        UUID id = UUID.randomUUID();
        return new ResourceUpserted(id, title, ResourceKind.FACT_SHEET, needs, Set.of(TraffickingType.LABOR),
                audiences, languages, "https://example.org/" + id, LONG_AGO, retiredOn, version, Instant.now());
    }

    private String call(CallType type) {
        String reference = "CALL-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        kafka.publishEvent(reference, new CallReceived(reference, Instant.parse("2026-11-24T15:00:00Z"), type,
                CallerType.MEDICAL_PROFESSIONAL, Channel.PHONE, false, Set.of(), Set.of(Need.MEDICAL), null, "es",
                false, false));
        return reference;
    }

    private static JsonPath awaitDecision(String reference) {
        await().atMost(PATIENCE).until(() -> given().auth().oauth2(TestTokens.agent())
                .get("/api/v1/decisions/" + reference).statusCode() == 200);
        return given().auth().oauth2(TestTokens.agent()).get("/api/v1/decisions/" + reference).then()
                .statusCode(200).extract().jsonPath();
    }
}
