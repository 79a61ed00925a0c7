package org.hotline.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.contracts.Topics;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.events.TipMessageAdded;
import org.hotline.contracts.events.TipReceived;
import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;

/**
 * End to end: a small directory arrives on the organisations topic, then a tip; the decision lists its referrals and
 * one {@code hotline.referral.issued} per referral appears on the referrals topic, keyed by organisation id, never
 * twice for a redelivered tip or a re-assessment.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ReferralIssuingTest {

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void aTipIsReferredFromTheReadModelAndEachReferralIsIssuedOnce() throws Exception {
        // A county unique to this run, so organisations other tests publish cannot compete for the local slots.
        String county = "Laramie" + UUID.randomUUID().toString().substring(0, 6);
        OrganizationUpserted local = organization("Laramie Safe Harbor", false, Set.of(),
                Set.of(Need.CASE_MANAGEMENT), new OrganizationUpserted.Area(false, Set.of(), Set.of("WY:" + county),
                        Set.of()));
        OrganizationUpserted youth = organization("Wyoming Youth Line", false, Set.of(Audience.YOUTH),
                Set.of(Need.CASE_MANAGEMENT, Need.RUNAWAY_HOMELESS_YOUTH), area("WY"));
        OrganizationUpserted elsewhere = organization("Montana Case Management", false, Set.of(),
                Set.of(Need.CASE_MANAGEMENT), area("MT"));
        OrganizationUpserted police = organization("Wyoming DCI Trafficking Unit", true, Set.of(),
                Set.of(Need.LAW_ENFORCEMENT), area("WY"));
        for (OrganizationUpserted o : List.of(local, youth, elsewhere, police)) {
            kafka.publishEvent(o.id().toString(), o);
        }
        for (OrganizationUpserted o : List.of(local, youth, elsewhere, police)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ReadModelRows.contains(o.id()));
        }

        String reference = "TIP-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        TipReceived tip = new TipReceived(reference, Instant.now(), Channel.WEB_FORM, TraffickingType.LABOR, Set.of(),
                Set.of(Need.CASE_MANAGEMENT), new Location("Cheyenne", county, "WY", "82001", "US"), false, null,
                "en", true);
        kafka.publishEventTwice(reference, tip);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                Callers.agent().get("/api/v1/decisions/" + reference).statusCode() == 200);
        JsonPath decision = Callers.agent().get("/api/v1/decisions/" + reference).then()
                .body("lawEnforcementReferral", equalTo(true))
                .body("rules", hasItem("passed over: Wyoming Youth Line for CASE_MANAGEMENT (audience YOUTH does not admit this contact)"))
                // Organisations elsewhere are counted, not listed one by one (however many the directory holds).
                .body("rules", hasItem(matchesPattern("out of area: \\d+ other organisations? offers? CASE_MANAGEMENT")))
                .body("rules", not(hasItem(containsString("Montana Case Management"))))
                .body("rules", hasItem("target: Laramie Safe Harbor for CASE_MANAGEMENT (local, 24h)"))
                .body("rules", hasItem("target: Wyoming DCI Trafficking Unit for LAW_ENFORCEMENT (state, 24h, law enforcement)"))
                .extract().jsonPath();
        assertThat(decision.getList("referrals.organizationName", String.class))
                .startsWith("Laramie Safe Harbor").contains("Wyoming DCI Trafficking Unit")
                .doesNotContain("Wyoming Youth Line", "Montana Case Management");
        assertThat(decision.getString("referrals[0].phone")).isEqualTo("1-555-0100");
        assertThat(decision.getString("referrals[0].need")).isEqualTo("CASE_MANAGEMENT");
        assertThat(decision.getBoolean("referrals[0].fallback")).isFalse();
        String localReferralId = decision.getString("referrals[0].referralId");

        List<ConsumerRecord<String, String>> issued = kafka.await(Topics.REFERRALS,
                r -> r.value() != null && r.value().contains("\"reference\":\"" + reference + "\""), 2,
                Duration.ofSeconds(20));
        Map<String, ConsumerRecord<String, String>> byKey = issued.stream()
                .collect(Collectors.toMap(ConsumerRecord::key, r -> r));
        assertThat(byKey).containsOnlyKeys(local.id().toString(), police.id().toString());
        assertThat(KafkaTestClient.header(byKey.get(local.id().toString()), CloudEventHeaders.TYPE))
                .isEqualTo("hotline.referral.issued");
        JsonPath toLocal = JsonPath.from(byKey.get(local.id().toString()).value());
        assertThat(toLocal.getString("referralId")).isEqualTo(localReferralId);
        assertThat(toLocal.getBoolean("lawEnforcement")).isFalse();
        assertThat(toLocal.getString("consentBasis")).isEqualTo("NOT_LAW_ENFORCEMENT");
        assertThat(toLocal.getString("location.state")).isEqualTo("WY");
        JsonPath toPolice = JsonPath.from(byKey.get(police.id().toString()).value());
        assertThat(toPolice.getBoolean("lawEnforcement")).isTrue();
        assertThat(toPolice.getString("consentBasis")).isEqualTo("REPORTER_CONSENT");
        assertThat(toPolice.getString("need")).isEqualTo("LAW_ENFORCEMENT");

        // A minor is now involved: the youth line becomes a target; what was issued is not issued again.
        kafka.publishEventTwice(reference, new TipMessageAdded(reference, UUID.randomUUID(), Instant.now(),
                Set.of(Indicator.MINOR_INVOLVED), Set.of(Need.RUNAWAY_HOMELESS_YOUTH)));
        await().atMost(Duration.ofSeconds(30)).until(() -> Callers.agent().get("/api/v1/decisions/" + reference)
                .jsonPath().getList("referrals.organizationName").contains("Wyoming Youth Line"));
        // A later tip on the same partition proves every record before it was consumed before counting.
        String marker = "TIP-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        kafka.publishEvent(reference, new TipReceived(marker, Instant.now(), Channel.WEB_FORM, null, Set.of(),
                Set.of(), null, true, null, null, false));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Callers.agent().get("/api/v1/decisions/" + marker).statusCode() == 200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(kafka.readAll(Topics.REFERRALS,
                r -> r.value() != null && r.value().contains("\"reference\":\"" + reference + "\"")).stream()
                .map(r -> r.key() + "/" + JsonPath.from(r.value()).getString("need")).toList())
                .containsExactlyInAnyOrder(local.id() + "/CASE_MANAGEMENT", police.id() + "/LAW_ENFORCEMENT",
                        youth.id() + "/CASE_MANAGEMENT", youth.id() + "/RUNAWAY_HOMELESS_YOUTH"));
        assertThat(Callers.agent().get("/api/v1/decisions/" + reference).jsonPath().getList("referrals")).hasSize(4);

        // Each referral is also a row routing owns: the partner feed lists the same referrals the events carried (once
        // no older writing transaction on the server is open: the feed follows commit order).
        await().atMost(Duration.ofSeconds(30)).until(() -> feedSize(youth.id()) == 2 && feedSize(local.id()) == 1
                && feedSize(police.id()) == 1);
        JsonPath youthFeed = Callers.partner(youth.id()).get("/api/v1/partners/" + youth.id() + "/referrals").then().statusCode(200)
                .extract().jsonPath();
        assertThat(youthFeed.getList("items.need", String.class))
                .containsExactlyInAnyOrder("CASE_MANAGEMENT", "RUNAWAY_HOMELESS_YOUTH");
        assertThat(youthFeed.getList("items.urgency", String.class)).containsOnly("URGENT");
        Callers.partner(local.id()).get("/api/v1/partners/" + local.id() + "/referrals").then().statusCode(200)
                .body("items.referralId", contains(localReferralId))
                .body("items[0].consentBasis", equalTo("NOT_LAW_ENFORCEMENT"));
        Callers.partner(police.id()).get("/api/v1/partners/" + police.id() + "/referrals").then().statusCode(200)
                .body("items.referralId", contains(toPolice.getString("referralId")))
                .body("items[0].lawEnforcement", equalTo(true))
                .body("items[0].consentBasis", equalTo("REPORTER_CONSENT"));
    }

    @Test
    void aLawEnforcementReferralWithoutConsentSaysWhyAndCarriesTheMinimum() {
        String county = "Uinta" + UUID.randomUUID().toString().substring(0, 6);
        OrganizationUpserted.Area here = new OrganizationUpserted.Area(false, Set.of(), Set.of("WY:" + county),
                Set.of());
        OrganizationUpserted police = organization("Uinta County Sheriff Trafficking Desk", true, Set.of(),
                Set.of(Need.LAW_ENFORCEMENT), here);
        // The refuge answers in Spanish too (the tip is in Spanish); the sheriff lists English only, and a
        // law-enforcement referral is never held back by language.
        OrganizationUpserted refugeInEnglish = organization("Uinta Youth Refuge", false, Set.of(Audience.YOUTH),
                Set.of(Need.RUNAWAY_HOMELESS_YOUTH), here);
        OrganizationUpserted refuge = new OrganizationUpserted(refugeInEnglish.id(), refugeInEnglish.name(), false,
                false, refugeInEnglish.audiences(), Set.of("en", "es"), refugeInEnglish.lastVerifiedOn(),
                refugeInEnglish.services(), 1, refugeInEnglish.updatedAt());
        for (OrganizationUpserted o : List.of(police, refuge)) {
            kafka.publishEvent(o.id().toString(), o);
        }
        for (OrganizationUpserted o : List.of(police, refuge)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ReadModelRows.contains(o.id()));
        }

        // No consent: only the minor allows telling law enforcement (mandated reporting).
        String reference = "TIP-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        kafka.publishEvent(reference, new TipReceived(reference, Instant.now(), Channel.WEB_FORM, TraffickingType.SEX,
                Set.of(Indicator.MINOR_INVOLVED), Set.of(Need.RUNAWAY_HOMELESS_YOUTH),
                new Location("Evanston", county, "WY", "82930", "US"), true, null, "es", false));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Callers.agent().get("/api/v1/decisions/" + reference).statusCode() == 200);
        Callers.agent().get("/api/v1/decisions/" + reference).then()
                .body("lawEnforcementReferral", equalTo(true))
                .body("rules", hasItem("law enforcement: referral made without consent, a minor is involved"
                        + " (mandated reporting)"))
                .body("rules", hasItem("target: Uinta County Sheriff Trafficking Desk for LAW_ENFORCEMENT (local, 24h,"
                        + " law enforcement)"));

        Map<String, JsonPath> byKey = kafka.await(Topics.REFERRALS,
                r -> r.value() != null && r.value().contains("\"reference\":\"" + reference + "\""), 2,
                Duration.ofSeconds(20)).stream()
                .filter(r -> police.id().toString().equals(r.key()) || refuge.id().toString().equals(r.key()))
                .collect(Collectors.toMap(ConsumerRecord::key, r -> JsonPath.from(r.value())));
        JsonPath toPolice = byKey.get(police.id().toString());
        assertThat(toPolice.getBoolean("lawEnforcement")).isTrue();
        assertThat(toPolice.getString("consentBasis")).isEqualTo("MINOR_INVOLVED");
        JsonPath toRefuge = byKey.get(refuge.id().toString());
        assertThat(toRefuge.getBoolean("lawEnforcement")).isFalse();
        assertThat(toRefuge.getString("consentBasis")).isEqualTo("NOT_LAW_ENFORCEMENT");
        // The minimum, whoever the partner: what, where and why, never who reported (routing never holds it) nor
        // anything of the reporter's (anonymity, language, caller type).
        for (JsonPath event : List.of(toPolice, toRefuge)) {
            assertThat(event.getMap("$").keySet()).isSubsetOf("referralId", "reference", "organizationId",
                    "organizationName", "need", "urgency", "lawEnforcement", "consentBasis", "fallback", "indicators",
                    "location", "issuedAt");
            assertThat(event.getMap("location").keySet()).isSubsetOf("city", "county", "state", "postalCode",
                    "country");
        }
    }

    private static OrganizationUpserted.Area area(String state) {
        return new OrganizationUpserted.Area(false, Set.of(state), Set.of(), Set.of());
    }

    private static OrganizationUpserted organization(String name, boolean lawEnforcement, Set<Audience> audiences,
            Set<Need> needs, OrganizationUpserted.Area area) {
        return new OrganizationUpserted(UUID.randomUUID(), name, lawEnforcement, false, audiences, Set.of("en"),
                LocalDate.of(2026, 11, 1),
                List.of(new OrganizationUpserted.Service(UUID.randomUUID(), name, needs, "1-555-0100",
                        new OrganizationUpserted.Hours("America/Denver", true, List.of(), Set.of()), area)),
                1, Instant.now());
    }


    private static int feedSize(UUID organization) {
        return Callers.supervisor().get("/api/v1/partners/" + organization + "/referrals").jsonPath()
                .getList("items").size();
    }
}
