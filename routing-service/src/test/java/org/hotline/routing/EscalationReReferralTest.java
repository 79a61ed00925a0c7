package org.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.hotline.contracts.Topics;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.events.TipReceived;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.routing.service.EscalationSweep;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;

/**
 * An escalation does something: an urgent referral nobody acknowledged in time is re-referred, once, to the next open
 * and admitted candidate for its need, the decision says so and whom staff should call, and it is published again.
 * North Dakota's organisations are this test's own.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EscalationReReferralTest {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @Inject
    EscalationSweep sweep;

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void anUnacknowledgedUrgentReferralIsReReferredOnceToTheNextCandidate() throws Exception {
        OrganizationUpserted first = organization("Bismarck Workers' Center", LocalDate.of(2026, 11, 20));
        OrganizationUpserted second = organization("Fargo Labor Rights Clinic", LocalDate.of(2026, 11, 10));
        OrganizationUpserted third = organization("Minot Legal Aid Labor Desk", LocalDate.of(2026, 11, 1));
        for (OrganizationUpserted o : List.of(first, second, third)) {
            kafka.publishEvent(o.id().toString(), o);
        }
        for (OrganizationUpserted o : List.of(first, second, third)) {
            await().atMost(PATIENCE).until(() -> ReadModelRows.contains(o.id()));
        }
        String reference = "TIP-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        kafka.publishEvent(reference, new TipReceived(reference, Instant.now(), Channel.WEB_FORM,
                TraffickingType.LABOR, Set.of(Indicator.NEEDS_WITHIN_24H), Set.of(Need.LABOR_RIGHTS),
                new Location("Bismarck", "Burleigh", "ND", "58501", "US"), true, null, "en", false));
        await().atMost(PATIENCE).until(() -> Callers.agent().get("/api/v1/decisions/" + reference).statusCode()
                == 200);
        assertThat(decision(reference).getList("referrals.organizationName", String.class))
                .containsExactly(first.name(), second.name());

        issuedAnHourAgo(reference, first.id());
        sweep.sweep();
        sweep.sweep();

        JsonPath after = decision(reference);
        assertThat(after.getList("referrals.organizationName", String.class))
                .as("re-referred once, to the one not yet referred")
                .containsExactly(first.name(), second.name(), third.name());
        assertThat(after.getList("rules", String.class))
                .contains("escalation: " + first.name() + " did not acknowledge the urgent referral for LABOR_RIGHTS"
                        + " within 15 min")
                .contains("passed over: " + first.name() + " for LABOR_RIGHTS (already referred for LABOR_RIGHTS, no"
                        + " acknowledgement)")
                .contains("needs a call: re-referred to " + third.name() + " (1-555-0199) for LABOR_RIGHTS; call them"
                        + " now");
        assertThat(after.getList("needsAttention", String.class)).as("shown to staff as needing a call")
                .containsExactly("needs a call: re-referred to " + third.name() + " (1-555-0199) for LABOR_RIGHTS;"
                        + " call them now");
        var issuedToThird = kafka.await(Topics.REFERRALS, r -> third.id().toString().equals(r.key()), 1, PATIENCE);
        assertThat(issuedToThird).hasSize(1);
        assertThat(issuedToThird.get(0).value()).contains("\"reference\":\"" + reference + "\"");
        var published = kafka.await(Topics.ROUTING_DECISIONS, r -> reference.equals(r.key()), 2, PATIENCE);
        assertThat(published).as("the decision published again with the re-referral").hasSize(2);
    }

    private static JsonPath decision(String reference) {
        return Callers.agent().get("/api/v1/decisions/" + reference).then().statusCode(200).extract().jsonPath();
    }

    private static void issuedAnHourAgo(String reference, UUID organizationId) throws SQLException {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE routing.referral SET issued_at = now() - interval"
                        + " '1 hour' WHERE reference = ? AND organization_id = ?")) {
            s.setString(1, reference);
            s.setObject(2, organizationId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static OrganizationUpserted organization(String name, LocalDate verified) {
        return new OrganizationUpserted(UUID.randomUUID(), name, false, false, Set.of(), Set.of("en"), verified,
                List.of(new OrganizationUpserted.Service(UUID.randomUUID(), name, Set.of(Need.LABOR_RIGHTS),
                        "1-555-0199", new OrganizationUpserted.Hours("America/Chicago", true, List.of(), Set.of()),
                        new OrganizationUpserted.Area(false, Set.of("ND"), Set.of(), Set.of()))),
                1, Instant.now());
    }
}
