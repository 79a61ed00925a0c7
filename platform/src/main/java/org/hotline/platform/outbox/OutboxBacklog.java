package org.hotline.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.hotline.platform.SafeThrowables;
import org.jboss.logging.Logger;

/**
 * The outbox's backlog and the age of its oldest row, as gauges. Measured every few seconds rather than on each
 * scrape, and apart from the relay so measuring never wakes the Kafka producer.
 */
@ApplicationScoped
public class OutboxBacklog {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);

    private final EntityManager entityManager;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final AtomicLong setAside = new AtomicLong();

    public OutboxBacklog(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        Gauge.builder("hotline.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows not yet published").register(registry);
        Gauge.builder("hotline.outbox.oldest.age.seconds", oldestAgeMillis, a -> a.get() / 1000.0)
                .description("Age of the oldest unpublished outbox row").register(registry);
        Gauge.builder("hotline.outbox.set.aside.rows", setAside, AtomicLong::get)
                .description("Outbox rows set aside after repeated refusals, waiting for an administrator")
                .register(registry);
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager
                    .createQuery("SELECT count(e), min(e.createdAt), count(e.setAsideAt) FROM OutboxEvent e")
                    .getSingleResult());
            backlog.set(((Number) row[0]).longValue());
            setAside.set(((Number) row[2]).longValue());
            Instant oldest = (Instant) row[1];
            oldestAgeMillis.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis()));
        } catch (RuntimeException e) {
            LOG.debugf("Outbox backlog not measured: %s", SafeThrowables.describe(e));
        }
    }
}
