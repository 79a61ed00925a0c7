package org.hotline.intake.service;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import org.hotline.platform.SafeThrowables;
import org.jboss.logging.Logger;

/**
 * Which accepted contacts have no routing decision yet. Intake stamps each contact with its decision's time as it reads
 * routing's decisions ({@code ContactProgress}, for the staff list); a contact accepted longer ago than {@link #GRACE}
 * without one could not be routed (its event stuck in an outbox, a record stuck or dead-lettered in routing), whatever the cause, and shows on
 * followup's dashboard and in the gauge {@code hotline.contacts.unrouted}, which raises an alert.
 */
@ApplicationScoped
public class RoutingWatch {

    private static final Logger LOG = Logger.getLogger(RoutingWatch.class);

    /** How long routing is given: far longer than a healthy system takes (well under a second). */
    public static final Duration GRACE = Duration.ofMinutes(1);

    private final EntityManager entityManager;
    private final AtomicLong unrouted = new AtomicLong();

    public RoutingWatch(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        Gauge.builder("hotline.contacts.unrouted", unrouted, AtomicLong::get)
                .description("Contacts accepted over a minute ago that have no routing decision").register(registry);
    }

    /** Contacts accepted before the grace period with no decision, and the oldest one's acceptance. */
    @Transactional
    public Unrouted unrouted() {
        Object[] row = (Object[]) entityManager.createNativeQuery(
                "SELECT count(*), min(created_at) FROM contact WHERE decided_at IS NULL AND created_at < ?1")
                .setParameter(1, Instant.now().minus(GRACE)).getSingleResult();
        return new Unrouted(((Number) row[0]).longValue(), GRACE.toSeconds(), (Instant) row[1]);
    }

    @Scheduled(every = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        try {
            unrouted.set(unrouted().count());
        } catch (RuntimeException e) {
            LOG.debugf("Unrouted contacts not counted: %s", SafeThrowables.describe(e));
        }
    }

    /** {@code count} contacts accepted over {@code afterSeconds} ago have no decision; the oldest was accepted then. */
    public record Unrouted(long count, long afterSeconds, Instant oldestAcceptedAt) {
    }
}
