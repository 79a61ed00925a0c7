package org.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * With the scheduled sweep on (every second) and a two-second acknowledgement timeout, an urgent referral nobody
 * acknowledges is escalated by itself once the timeout passes.
 */
@QuarkusTest
@TestProfile(EscalationSweepJobTest.ShortTimeout.class)
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EscalationSweepJobTest {

    /** The scheduler's fastest pace and a timeout short enough to wait for. */
    public static class ShortTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hotline.routing.escalation.every", "1s", "hotline.routing.acknowledgement-timeout", "2s");
        }
    }

    @Inject
    MeterRegistry registry;

    @Test
    void theScheduledSweepEscalatesAnUnacknowledgedUrgentReferral() throws SQLException {
        double before = registry.find("hotline.referrals.escalated").counter().count();
        UUID id = UUID.randomUUID();
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement s = c.prepareStatement("""
                        INSERT INTO routing.referral (referral_id, reference, organization_id, organization_name, need,
                            urgency, law_enforcement, consent_basis, fallback, indicators, issued_at)
                        VALUES (?, 'CALL-ESCALATION', ?, 'Test Partner', 'SHELTER', 'URGENT', false,
                            'NOT_LAW_ENFORCEMENT', false, '[]', ?)""")) {
            s.setObject(1, id);
            s.setObject(2, UUID.randomUUID());
            s.setTimestamp(3, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> escalated(id));
        assertThat(registry.find("hotline.referrals.escalated").counter().count()).isGreaterThan(before);
    }

    private static boolean escalated(UUID referralId) throws SQLException {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT escalated_at IS NOT NULL FROM routing.referral WHERE referral_id = ?")) {
            s.setObject(1, referralId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
