package org.hotline.platform.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.contracts.EventFormatException;
import org.hotline.platform.SafeThrowables;
import org.hotline.platform.config.PlatformConfig;
import org.jboss.logging.Logger;

/**
 * Applies an incoming event exactly once per consumer: the event id is recorded in the same transaction as the
 * handler's changes, so a redelivery finds it and does nothing.
 *
 * <p>Only a record that can never be processed is poison: not JSON, not valid against its event's schema, no usable
 * CloudEvents id or type ({@link EventFormatException}, whether {@link IncomingEvent} or the handler's decoding finds
 * it). The channel's {@code dead-letter-queue} failure strategy moves it to the dead-letter topic, from which
 * {@link DeadLetterRedrive} can replay it after a fix. Every other failure is retried with backoff while the partition
 * waits, nothing behind it skipped: a database away or a lock timeout passes by itself; an exception from the
 * handler's own logic (a bug) is retried too, counted in {@code hotline.inbox.handler.failures} and shown by the
 * {@code hotline.inbox.stuck.*} gauges, which raise an alert, until a fix is deployed. A tip is never dropped.
 */
@ApplicationScoped
public class InboxProcessor {

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);

    private final EntityManager entityManager;
    private final PlatformConfig config;
    private final MeterRegistry registry;
    /** Set as the service starts stopping, before anything else shuts down (see {@link #holdUntilExit}). */
    private volatile boolean stopping;

    /** Records being retried now, by consumer: when each began failing. */
    private final Map<String, Map<String, Instant>> retrying = new ConcurrentHashMap<>();

    public InboxProcessor(EntityManager entityManager, PlatformConfig config, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.config = config;
        this.registry = registry;
    }

    /**
     * Processes a record once for the named consumer.
     *
     * @throws PoisonRecordException when the record can never be processed; the caller lets it propagate
     */
    public void process(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        if (stopping) {
            holdUntilExit(consumer, record.topic() + "-" + record.partition() + "@" + record.offset());
        }
        IncomingEvent event;
        try {
            event = IncomingEvent.of(record);
        } catch (EventFormatException e) {
            throw poison(consumer, record.topic() + "-" + record.partition() + "@" + record.offset(), e);
        }
        Duration backoff = config.inbox().initialBackoff();
        String position = event.topic() + "-" + event.partition() + "@" + event.offset();
        Map<String, Instant> waiting = retrying(consumer);
        try {
            while (true) {
                try {
                    boolean applied = applyOnce(consumer, event, handler);
                    registry.counter("hotline.inbox.events", "consumer", consumer,
                            "outcome", applied ? "applied" : "duplicate").increment();
                    return;
                } catch (RuntimeException e) {
                    if (stopping) {
                        holdUntilExit(consumer, event.toString());
                    }
                    if (isPoison(e)) {
                        throw poison(consumer, event.toString(), e);
                    }
                    waiting.putIfAbsent(position, Instant.now());
                    if (TransientFailures.isTransient(e)) {
                        LOG.warnf("%s: %s failed transiently, retrying in %s: %s", consumer, event, backoff,
                                SafeThrowables.describe(e));
                    } else {
                        registry.counter("hotline.inbox.handler.failures", "consumer", consumer).increment();
                        LOG.errorf("%s: %s failed in its handler, retrying in %s until a fix (the partition waits): %s",
                                consumer, event, backoff, SafeThrowables.describe(e));
                    }
                    sleep(backoff);
                    backoff = min(backoff.multipliedBy(2), config.inbox().maxBackoff());
                }
            }
        } finally {
            waiting.remove(position);
        }
    }

    /**
     * One attempt at a record read back from the dead-letter topic (a redrive): applied, a duplicate, or still
     * failing, without the retries of live consumption, so a redrive never waits on a record that still fails.
     */
    public ReplayOutcome replay(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.of(record);
        } catch (EventFormatException e) {
            return ReplayOutcome.STILL_POISON;
        }
        try {
            boolean applied = applyOnce(consumer, event, handler);
            registry.counter("hotline.inbox.events", "consumer", consumer,
                    "outcome", applied ? "redriven" : "duplicate").increment();
            return applied ? ReplayOutcome.APPLIED : ReplayOutcome.DUPLICATE;
        } catch (RuntimeException e) {
            LOG.warnf("%s: redrive of %s failed: %s", consumer, event, SafeThrowables.describe(e));
            return isPoison(e) ? ReplayOutcome.STILL_POISON : ReplayOutcome.FAILED;
        }
    }

    /** What one replayed dead letter came to. */
    public enum ReplayOutcome {
        APPLIED, DUPLICATE, STILL_POISON, FAILED
    }

    private boolean applyOnce(String consumer, IncomingEvent event, Consumer<IncomingEvent> handler) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!markProcessed(consumer, event.id())) {
                return false;
            }
            handler.accept(event);
            return true;
        });
    }

    /** Poison: the record itself is malformed, so no retry and no fix of the code can make it processable as it is. */
    static boolean isPoison(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EventFormatException) {
                return true;
            }
        }
        return false;
    }

    private Map<String, Instant> retrying(String consumer) {
        return retrying.computeIfAbsent(consumer, name -> {
            Map<String, Instant> records = new ConcurrentHashMap<>();
            Gauge.builder("hotline.inbox.stuck.records", records, Map::size)
                    .tag("consumer", name)
                    .description("Records being retried now; their partitions wait behind them").register(registry);
            Gauge.builder("hotline.inbox.stuck.seconds", records, InboxProcessor::oldestAgeSeconds)
                    .tag("consumer", name)
                    .description("How long the longest-failing record being retried has been failing")
                    .register(registry);
            return records;
        });
    }

    private static double oldestAgeSeconds(Map<String, Instant> records) {
        Instant now = Instant.now();
        return records.values().stream().mapToDouble(since -> Duration.between(since, now).toMillis() / 1000.0)
                .max().orElse(0);
    }

    void onShutdown(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent shutdown) {
        stopping = true;
    }

    /**
     * A record reached while the service stops is left unprocessed and unacknowledged, so its offset is not committed
     * and the partition's next owner processes it. Failing it instead would send a sound record to the dead-letter
     * topic for good: the consumer still drains its buffer after the database layer has closed (found by the fault
     * suite: SIGTERM under load, scale-in). The thread waits for the process to end; interrupted (the executor's last
     * shutdown step, once the consumers are closed and nothing can be committed), it gives the record up by throwing:
     * a throw can at worst leave a dead-letter copy of a record the next owner still processes, whereas returning
     * would acknowledge a record that was never processed.
     */
    private void holdUntilExit(String consumer, String what) {
        LOG.infof("%s: %s left to the partition's next owner: the service is stopping", consumer, what);
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException(consumer + " stopped before processing " + what);
    }

    private boolean markProcessed(String consumer, UUID eventId) {
        return entityManager.createNativeQuery(
                "INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate() == 1;
    }

    private PoisonRecordException poison(String consumer, String what, Exception cause) {
        registry.counter("hotline.inbox.events", "consumer", consumer, "outcome", "dead-lettered").increment();
        String reason = cause instanceof EventFormatException ? cause.getMessage() : SafeThrowables.describe(cause);
        LOG.errorf("%s: %s goes to the dead-letter topic: %s", consumer, what, reason);
        return new PoisonRecordException(consumer + " could not process " + what + ": " + reason);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
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
