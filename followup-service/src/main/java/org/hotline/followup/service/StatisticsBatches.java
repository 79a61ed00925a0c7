package org.hotline.followup.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import org.hotline.followup.repository.StatisticsGenerationRepository;
import org.hotline.followup.service.StatisticsRecorder.StatisticsEvent;
import org.hotline.platform.SafeThrowables;
import org.hotline.platform.config.PlatformConfig;
import org.jboss.logging.Logger;

/**
 * Counts a batch of events in one transaction, retried with backoff until it commits: the live consumer's batches
 * into every live generation (the active one, and the one being built), a rebuild's into its own. A failure is never a
 * reason to drop or dead-letter anything here (poison was set apart before): a database away or a lock conflict
 * passes by itself, a bug waits for its fix, and meanwhile the partitions wait behind the batch, shown by the
 * {@code hotline.inbox.stuck.*} gauges (consumer {@value #LIVE}), which raise the platform's alert.
 */
@ApplicationScoped
public class StatisticsBatches {

    /** The live consumer, as the gauges and the logs name it. */
    public static final String LIVE = "followup-statistics";

    private static final Logger LOG = Logger.getLogger(StatisticsBatches.class);

    private final StatisticsRecorder recorder;
    private final StatisticsGenerationRepository generations;
    private final PlatformConfig platform;
    private final MeterRegistry registry;
    private final AtomicInteger stuckRecords = new AtomicInteger();
    private final AtomicReference<Instant> failingSince = new AtomicReference<>();
    /** Set as the service starts stopping, before the database layer closes. */
    private volatile boolean stopping;

    public StatisticsBatches(StatisticsRecorder recorder, StatisticsGenerationRepository generations,
            PlatformConfig platform, MeterRegistry registry) {
        this.recorder = recorder;
        this.generations = generations;
        this.platform = platform;
        this.registry = registry;
        Gauge.builder("hotline.inbox.stuck.records", stuckRecords, AtomicInteger::get).tag("consumer", LIVE)
                .description("Records being retried now; their partitions wait behind them").register(registry);
        Gauge.builder("hotline.inbox.stuck.seconds", failingSince, StatisticsBatches::secondsSince)
                .tag("consumer", LIVE)
                .description("How long the longest-failing record being retried has been failing").register(registry);
    }

    /**
     * Counts the live consumer's batch into every live generation, in one transaction; returns once it committed, so
     * the batch's offsets may be committed. {@code batch} gives the batch's sound events (setting its poison apart);
     * it is asked again on each attempt, so a failure there is retried like the transaction's.
     */
    public void applyLive(int records, Supplier<List<StatisticsEvent>> batch) {
        if (records == 0) {
            return;
        }
        retry(records, true, () -> stopping, () -> {
            List<StatisticsEvent> events = batch.get();
            if (!events.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> {
                    for (int generation : generations.live()) {
                        count(generation, events);
                    }
                });
            }
        });
    }

    /** Counts a rebuild's batch into its generation; gives up (throws) only when {@code stop} says so. */
    public void applyTo(int generation, List<StatisticsEvent> events, BooleanSupplier stop) {
        if (events.isEmpty()) {
            return;
        }
        retry(events.size(), false, stop, () -> QuarkusTransaction.requiringNew().run(() -> count(generation, events)));
    }

    private void count(int generation, List<StatisticsEvent> events) {
        String consumer = StatisticsRecorder.consumerName(generation);
        int counted = recorder.record(generation, consumer, events);
        registry.counter("hotline.inbox.events", "consumer", consumer, "outcome", "applied").increment(counted);
        registry.counter("hotline.inbox.events", "consumer", consumer, "outcome", "duplicate")
                .increment(events.size() - counted);
    }

    /** Runs the attempt until it succeeds; a live batch's records count in the stuck gauges while it fails. */
    private void retry(int records, boolean live, BooleanSupplier stop, Runnable attempt) {
        Duration backoff = platform.inbox().initialBackoff();
        boolean failed = false;
        try {
            while (true) {
                if (stop.getAsBoolean()) {
                    giveUp(live, records);
                }
                try {
                    attempt.run();
                    return;
                } catch (RuntimeException e) {
                    if (live && !failed) {
                        stuckRecords.addAndGet(records);
                        failingSince.compareAndSet(null, Instant.now());
                    }
                    failed = true;
                    LOG.warnf("statistics: a batch of %d events failed, retrying it in %s: %s", records, backoff,
                            SafeThrowables.describe(e));
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(platform.inbox().maxBackoff()) > 0
                            ? platform.inbox().maxBackoff() : backoff.multipliedBy(2);
                }
            }
        } finally {
            if (live && failed) {
                stuckRecords.addAndGet(-records);
                if (stuckRecords.get() == 0) {
                    failingSince.set(null);
                }
            }
        }
    }

    /**
     * A live batch reached while the service stops is left uncounted and unacknowledged, so its offsets are not
     * committed and the partitions' next owner counts it (as the platform's inbox does for one record): the thread
     * waits for the process to end, and gives the batch up by throwing only when interrupted.
     */
    private void giveUp(boolean live, int records) {
        if (live) {
            LOG.infof("statistics: a batch of %d events left to the partitions' next owner: the service is stopping",
                    records);
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new IllegalStateException("statistics: stopped before counting a batch");
    }

    void onShutdown(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent shutdown) {
        stopping = true;
    }

    private static double secondsSince(AtomicReference<Instant> since) {
        Instant start = since.get();
        return start == null ? 0 : Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", e);
        }
    }
}
