package org.hotline.followup.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hotline.followup.Followup;
import org.hotline.followup.config.FollowupConfig;
import org.hotline.followup.messaging.FollowupEvents;
import org.hotline.platform.outbox.OutboxWriter;
import org.jboss.logging.Logger;

/**
 * Raises {@code hotline.followup.at-risk} when an open follow-up's target passes and {@code hotline.followup.breached}
 * when its breach time passes, each exactly once, however many instances sweep at the same time and across restarts.
 *
 * <p>Each batch is one transaction: it claims due rows with {@code FOR UPDATE SKIP LOCKED} (another instance's claims
 * are skipped, not waited for), stamps {@code at_risk_raised_at} / {@code breached_raised_at} and appends the events
 * to the outbox. The stamp and the event commit together, so a crash raises either both or neither, and a stamped row
 * is never claimed again. A follow-up first seen past its breach time gets both events, at-risk first.
 */
@ApplicationScoped
public class DeadlineSweep {

    private static final Logger LOG = Logger.getLogger(DeadlineSweep.class);

    /** Open follow-ups with an event due and not yet raised; each disjunct is served by its partial index. */
    private static final String CLAIM_DUE = """
            SELECT * FROM followup
             WHERE status = 'OPEN'
               AND ((at_risk_raised_at IS NULL AND target_at < :now)
                 OR (breached_raised_at IS NULL AND breach_at < :now))
             LIMIT :limit
             FOR UPDATE SKIP LOCKED""";

    private final EntityManager entityManager;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final int batchSize;
    private final Counter atRiskRaised;
    private final Counter breachedRaised;

    @Inject
    public DeadlineSweep(EntityManager entityManager, OutboxWriter outbox, Clock clock, FollowupConfig config,
            MeterRegistry registry) {
        this(entityManager, outbox, clock, config.deadlines().batchSize(), registry);
    }

    /** A sweep claiming {@code batchSize} follow-ups per transaction. */
    public DeadlineSweep(EntityManager entityManager, OutboxWriter outbox, Clock clock, int batchSize,
            MeterRegistry registry) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("Deadline sweep batch size must be at least 1: " + batchSize);
        }
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.clock = clock;
        this.batchSize = batchSize;
        this.atRiskRaised = Counter.builder("hotline.followup.at-risk.raised")
                .description("At-risk events raised (target passed without a reply)").register(registry);
        this.breachedRaised = Counter.builder("hotline.followup.breached.raised")
                .description("Breached events raised (breach time passed without a reply)").register(registry);
    }

    /** What one sweep raised. */
    public record Result(int atRisk, int breached) {

        Result plus(Result other) {
            return new Result(atRisk + other.atRisk, breached + other.breached);
        }
    }

    /** Sweeps until no claimable follow-up is due; rows claimed by another instance are left to it. */
    public Result sweep() {
        Result total = new Result(0, 0);
        while (true) {
            Result batch = QuarkusTransaction.requiringNew().call(this::raiseBatch);
            total = total.plus(batch);
            if (batch.atRisk() + batch.breached() == 0) {
                break;
            }
        }
        if (total.atRisk() + total.breached() > 0) {
            LOG.infof("Deadline sweep raised %d at-risk and %d breached event(s)", total.atRisk(), total.breached());
        }
        return total;
    }

    private Result raiseBatch() {
        Instant now = Instant.now(clock);
        @SuppressWarnings("unchecked")
        List<Followup> due = entityManager.createNativeQuery(CLAIM_DUE, Followup.class)
                .setParameter("now", now)
                .setParameter("limit", batchSize)
                .getResultList();
        int atRisk = 0;
        int breached = 0;
        for (Followup followup : due) {
            String key = FollowupEvents.key(followup);
            if (followup.atRiskRaisedAt() == null && followup.targetAt().isBefore(now)) {
                followup.markAtRiskRaised(now);
                outbox.append(key, FollowupEvents.atRisk(followup));
                atRisk++;
            }
            if (followup.breachedRaisedAt() == null && followup.breachAt().isBefore(now)) {
                followup.markBreachedRaised(now);
                outbox.append(key, FollowupEvents.breached(followup));
                breached++;
            }
        }
        atRiskRaised.increment(atRisk);
        breachedRaised.increment(breached);
        return new Result(atRisk, breached);
    }
}
