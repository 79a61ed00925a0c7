package org.hotline.platform.inbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.hotline.platform.SafeThrowables;
import org.hotline.platform.config.PlatformConfig;
import org.jboss.logging.Logger;

/**
 * Forgets the ids of events applied longer ago than {@code hotline.inbox.retention}: no record older than that can
 * come back, so {@code processed_event} stays the size of the retention window instead of growing for ever. Rows go in
 * small batches (each its own short transaction) found through the {@code processed_event_processed_at} index, oldest
 * first, so a purge never holds many locks or scans the table.
 */
@ApplicationScoped
public class ProcessedEventPurge {

    private static final Logger LOG = Logger.getLogger(ProcessedEventPurge.class);
    static final int BATCH = 5_000;

    /** The batch is found by the index on processed_at (range, in its order, limited); then deleted by row address. */
    static final String OLDEST_BATCH = "SELECT ctid FROM processed_event WHERE processed_at < ?1"
            + " ORDER BY processed_at LIMIT " + BATCH;

    private final EntityManager entityManager;
    private final PlatformConfig config;
    private final Counter purged;

    public ProcessedEventPurge(EntityManager entityManager, PlatformConfig config, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.config = config;
        purged = Counter.builder("hotline.inbox.processed.purged")
                .description("Ids of applied events forgotten after the retention window").register(registry);
    }

    @Scheduled(every = "${hotline.inbox.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warnf("processed_event purge failed, will retry at the next run: %s", SafeThrowables.describe(e));
        }
    }

    /** Deletes every id older than the retention window; returns how many. */
    public long purge() {
        Instant before = Instant.now().minus(config.inbox().retention());
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> entityManager
                    .createNativeQuery("DELETE FROM processed_event WHERE ctid = ANY (ARRAY(" + OLDEST_BATCH + "))")
                    .setParameter(1, before)
                    .executeUpdate());
            total += deleted;
            purged.increment(deleted);
        } while (deleted == BATCH);
        if (total > 0) {
            LOG.infof("Forgot %d ids of events applied before %s", total, before);
        }
        return total;
    }
}
