package org.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.contracts.Topics;
import org.hotline.routing.service.EscalationSweep;
import org.hotline.testsupport.KafkaTestClient;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * Urgent referrals left unacknowledged past the timeout (15m by default) are escalated once, with a metric; acknowledged,
 * non-urgent and recent ones are not. The scheduled sweep is off in tests, so each sweep here is run by hand.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EscalationTest {

    @Inject
    EscalationSweep sweep;

    @Inject
    MeterRegistry registry;

    @Test
    void anUnacknowledgedUrgentReferralIsEscalatedOnceAndOthersNever() throws Exception {
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        UUID organization = UUID.randomUUID();
        UUID due = insert(organization, "URGENT", hourAgo, null);
        UUID acknowledged = insert(organization, "URGENT", hourAgo, hourAgo.plusSeconds(60));
        UUID nonUrgent = insert(organization, "NON_URGENT", hourAgo, null);
        UUID recent = insert(organization, "URGENT", Instant.now(), null);
        double before = escalatedCount();

        int escalated = sweep.sweep();

        assertThat(escalated).isGreaterThanOrEqualTo(1);
        assertThat(escalatedCount() - before).isEqualTo(escalated);
        Instant escalatedAt = escalatedAt(due);
        assertThat(escalatedAt).isNotNull();
        assertThat(escalatedAt(acknowledged)).isNull();
        assertThat(escalatedAt(nonUrgent)).isNull();
        assertThat(escalatedAt(recent)).isNull();

        double afterFirst = escalatedCount();
        int again = sweep.sweep();
        assertThat(escalatedAt(due)).isEqualTo(escalatedAt);
        assertThat(escalatedCount() - afterFirst).isEqualTo(again);

        // Partners and operations hear of it once, keyed by the organisation, after its other referral events.
        var events = KafkaTestClient.forSharedBroker().await(Topics.REFERRALS,
                r -> organization.toString().equals(r.key())
                        && "hotline.referral.escalated".equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE)),
                1, Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).value()).contains(due.toString());
        assertThat(KafkaTestClient.forSharedBroker().readAll(Topics.REFERRALS,
                r -> organization.toString().equals(r.key()))).hasSize(1);
    }

    @Test
    void twoSweepsAtOnceEscalateEachReferralOnce() throws Exception {
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        UUID organization = UUID.randomUUID();
        List<UUID> due = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            due.add(insert(organization, "URGENT", hourAgo.plusMillis(i), null));
        }
        double before = escalatedCount();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> run = sweep::sweep;
            Future<Integer> one = pool.submit(run);
            Future<Integer> two = pool.submit(run);
            int total = one.get() + two.get();
            assertThat(total).isEqualTo(due.size());
            assertThat(escalatedCount() - before).isEqualTo(total);
        } finally {
            pool.shutdownNow();
        }
        for (UUID id : due) {
            assertThat(escalatedAt(id)).isNotNull();
        }
        assertThat(sweep.sweep()).isZero();
    }

    private double escalatedCount() {
        return registry.counter("hotline.referrals.escalated").count();
    }

    private static UUID insert(UUID organization, String urgency, Instant issuedAt, Instant acknowledgedAt)
            throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement s = c.prepareStatement("""
                        INSERT INTO routing.referral (referral_id, reference, organization_id, organization_name, need,
                            urgency, law_enforcement, consent_basis, fallback, indicators, location, issued_at,
                            acknowledged_at)
                        VALUES (?, 'TIP-ESCALATION', ?, 'Test Partner', 'CASE_MANAGEMENT', ?, false,
                            'NOT_LAW_ENFORCEMENT', false, '["IMMINENT_DANGER"]', NULL, ?, ?)""")) {
            s.setObject(1, id);
            s.setObject(2, organization);
            s.setString(3, urgency);
            s.setTimestamp(4, Timestamp.from(issuedAt));
            s.setTimestamp(5, acknowledgedAt == null ? null : Timestamp.from(acknowledgedAt));
            s.executeUpdate();
        }
        return id;
    }

    private static Instant escalatedAt(UUID referralId) throws SQLException {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT escalated_at FROM routing.referral WHERE referral_id = ?")) {
            s.setObject(1, referralId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                Timestamp at = rs.getTimestamp(1);
                return at == null ? null : at.toInstant();
            }
        }
    }
}
