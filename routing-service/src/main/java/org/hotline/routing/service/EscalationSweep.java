package org.hotline.routing.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import org.hotline.routing.Referral;
import org.hotline.routing.config.RoutingConfig;
import org.jboss.logging.Logger;

/**
 * Escalates URGENT referrals that no partner acknowledged within {@code hotline.routing.acknowledgement-timeout}: each
 * once, however many instances sweep at the same time and across restarts.
 *
 * <p>Each batch is one transaction that claims due rows with {@code FOR UPDATE SKIP LOCKED} (another instance's claims
 * are skipped, not waited for) and stamps {@code escalated_at}; a stamped row is never claimed again. Each escalation
 * appends {@code hotline.referral.escalated} to the outbox in that transaction (keyed by organisation id; also on the
 * partner's own topic when it reads Kafka, see {@link ReferralEvents}), increments
 * {@code hotline.referrals.escalated} and logs a warning naming only the referral and the organisation; and re-refers
 * the contact for that need to the next open, admitted candidate or the fallback chain
 * ({@link RoutingService#reRefer}), so an escalation does something, once. Started
 * eagerly, so the counter is exported (at zero) before the first escalation.
 */
@Startup
@ApplicationScoped
public class EscalationSweep {

    private static final Logger LOG = Logger.getLogger(EscalationSweep.class);

    /** Served by the partial index {@code referral_awaiting_acknowledgement}. */
    private static final String CLAIM_DUE = """
            SELECT * FROM referral
             WHERE urgency = 'URGENT' AND acknowledged_at IS NULL AND escalated_at IS NULL
               AND issued_at < :deadline
             ORDER BY issued_at
             LIMIT :limit
             FOR UPDATE SKIP LOCKED""";

    private final EntityManager entityManager;
    private final ReferralEvents events;
    private final Clock clock;
    private final Duration timeout;
    private final int batchSize;
    private final Counter escalated;
    private final RoutingService routing;

    @Inject
    public EscalationSweep(EntityManager entityManager, ReferralEvents events, Clock clock, RoutingConfig config,
            MeterRegistry registry, RoutingService routing) {
        if (config.escalation().batchSize() < 1) {
            throw new IllegalArgumentException(
                    "Escalation batch size must be at least 1: " + config.escalation().batchSize());
        }
        this.entityManager = entityManager;
        this.routing = routing;
        this.events = events;
        this.clock = clock;
        this.timeout = config.acknowledgementTimeout();
        this.batchSize = config.escalation().batchSize();
        this.escalated = Counter.builder("hotline.referrals.escalated")
                .description("Urgent referrals escalated because no acknowledgement came in time").register(registry);
    }

    /** Sweeps until no claimable referral is due; returns how many this call escalated. */
    public int sweep() {
        int total = 0;
        while (true) {
            int batch = QuarkusTransaction.requiringNew().call(this::escalateBatch);
            total += batch;
            if (batch < batchSize) {
                return total;
            }
        }
    }

    private int escalateBatch() {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        @SuppressWarnings("unchecked")
        List<Referral> due = entityManager.createNativeQuery(CLAIM_DUE, Referral.class)
                .setParameter("deadline", now.minus(timeout))
                .setParameter("limit", batchSize)
                .getResultList();
        for (Referral referral : due) {
            events.append(referral.organizationId(), referral.markEscalated(now));
            routing.reRefer(referral, timeout);
            escalated.increment();
            LOG.warnf("Urgent referral %s to organisation %s not acknowledged in time: escalated",
                    referral.referralId(), referral.organizationId());
        }
        return due.size();
    }
}
