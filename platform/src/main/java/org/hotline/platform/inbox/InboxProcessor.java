package org.hotline.platform.inbox;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;

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
 * handler's changes, so a redelivery finds it and does nothing. Transient failures are retried with backoff while the
 * partition waits (nothing is skipped); anything else makes the record poison, which the channel's
 * {@code dead-letter-queue} failure strategy moves to the dead-letter topic so consumption goes on.
 */
@ApplicationScoped
public class InboxProcessor {

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);

    private final EntityManager entityManager;
    private final PlatformConfig config;
    private final MeterRegistry registry;
    /** Set as the service starts stopping, before anything else shuts down (see {@link #holdUntilExit}). */
    private volatile boolean stopping;

    public InboxProcessor(EntityManager entityManager, PlatformConfig config, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.config = config;
        this.registry = registry;
    }

    /**
     * Processes a record once for the named consumer.
     *
     * @throws PoisonRecordException when the record cannot be processed; the caller lets it propagate
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
        while (true) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (!markProcessed(consumer, event.id())) {
                        return false;
                    }
                    handler.accept(event);
                    return true;
                });
                registry.counter("hotline.inbox.events", "consumer", consumer,
                        "outcome", applied ? "applied" : "duplicate").increment();
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    holdUntilExit(consumer, event.toString());
                }
                if (!TransientFailures.isTransient(e)) {
                    throw poison(consumer, event.toString(), e);
                }
                LOG.warnf("%s: %s failed transiently, retrying in %s: %s", consumer, event, backoff,
                        SafeThrowables.describe(e));
                sleep(backoff);
                backoff = min(backoff.multipliedBy(2), config.inbox().maxBackoff());
            }
        }
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
