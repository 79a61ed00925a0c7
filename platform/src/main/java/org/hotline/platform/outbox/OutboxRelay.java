package org.hotline.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.platform.SafeThrowables;
import org.hotline.platform.config.PlatformConfig;
import org.hotline.platform.outbox.OutboxRows.Refusal;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in the order they were written. No database transaction is open while a record is
 * on its way: a short transaction claims a batch, the records are sent and their acknowledgements awaited, and a
 * second short transaction deletes the acknowledged rows and records the refused ones. A crash between the broker's
 * acknowledgement and the delete publishes the row again: delivery is at least once, and consumers drop duplicates by
 * CloudEvents id.
 *
 * <p>It runs on a thread of its own (a plain thread, the one style for the relay: the scheduler cannot wait on a
 * signal), woken by {@link OutboxSignal} as soon as a commit on this instance appended to the outbox, and otherwise
 * looking again every poll interval for rows other instances wrote. One instance per service relays at a time
 * ({@link OutboxRelayLease}).
 *
 * <p>A batch the broker refused entirely means the broker is away: nothing is counted against the rows and the relay
 * waits a little. A row refused while others went through, or refused for a reason that waiting will not cure (no
 * such topic, writing denied, the record too large), backs off and holds back the later rows of its topic and key;
 * after {@code hotline.outbox.max-attempts} such refusals it is set aside with its reason, and stays held back with
 * those rows until an administrator re-queues it ({@code /api/v1/admin/outbox}). Rows of other keys flow past it.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration MAX_OUTAGE_BACKOFF = Duration.ofSeconds(5);

    private final OutboxRows rows;
    private final OutboxRelayLease lease;
    private final OutboxSignal signal;
    private final OutboxTopics topics;
    private final MutinyEmitter<Record<String, String>> emitter;
    private final PlatformConfig config;
    private final Counter relayed;
    private final Counter failures;
    private final Counter refusals;
    private final Counter setAside;
    private final Timer lag;
    private volatile boolean running;
    private Thread worker;
    /** When the first refused row is due again, if sooner than the next poll; only the relay's thread uses it. */
    private Instant nextRetry;

    public OutboxRelay(OutboxRows rows, OutboxRelayLease lease, OutboxSignal signal, OutboxTopics topics,
            @Channel("outbox") MutinyEmitter<Record<String, String>> emitter,
            PlatformConfig config,
            MeterRegistry registry) {
        this.rows = rows;
        this.lease = lease;
        this.signal = signal;
        this.topics = topics;
        this.emitter = emitter;
        this.config = config;
        relayed = Counter.builder("hotline.outbox.relayed").description("Events published from the outbox")
                .register(registry);
        failures = Counter.builder("hotline.outbox.failures")
                .description("Relay batches the broker refused entirely (it was away); they are sent again")
                .register(registry);
        refusals = Counter.builder("hotline.outbox.refusals")
                .description("Rows the broker refused while it took others; each backs off and is sent again")
                .register(registry);
        setAside = Counter.builder("hotline.outbox.set.aside")
                .description("Rows set aside after repeated refusals; an administrator re-queues them")
                .register(registry);
        lag = Timer.builder("hotline.outbox.relay.lag")
                .description("From a row's commit to the broker's acknowledgement of its record")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    /** Starts relaying once the application, its Kafka channel included, is up. */
    void start(@Observes StartupEvent startup) {
        if (!config.outbox().enabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        running = true;
        worker = new Thread(this::relayUntilStopped, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Lets the batch in flight finish before the database and Kafka clients close, then frees the lease. */
    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        signal.close();
        if (worker != null) {
            worker.join(config.outbox().sendTimeout().toMillis());
            try {
                lease.release();
            } catch (RuntimeException e) {
                LOG.debugf("Relay lease not released (it expires by itself): %s", SafeThrowables.describe(e));
            }
        }
    }

    private void relayUntilStopped() {
        Duration outageBackoff = config.outbox().outageBackoff();
        while (running) {
            BatchResult result = relayOnce();
            switch (result) {
                case FULL -> outageBackoff = config.outbox().outageBackoff();
                case DRAINED -> {
                    outageBackoff = config.outbox().outageBackoff();
                    waitForWork();
                }
                case BROKER_AWAY -> {
                    pause(outageBackoff);
                    outageBackoff = min(outageBackoff.multipliedBy(2), MAX_OUTAGE_BACKOFF);
                }
            }
        }
    }

    enum BatchResult {
        /** A full batch went out (or was refused row by row): look again at once. */
        FULL,
        /** Nothing more to send now, or another instance relays. */
        DRAINED,
        /** The broker took nothing, or the database could not be reached. */
        BROKER_AWAY
    }

    /** One batch: claim, send, settle. */
    BatchResult relayOnce() {
        List<OutboxEvent> batch;
        try {
            if (!lease.acquire(config.outbox().lease())) {
                return BatchResult.DRAINED;
            }
            batch = rows.claim(config.outbox().batchSize());
        } catch (RuntimeException e) {
            failures.increment();
            LOG.warnf("Outbox relay could not read the outbox, will retry: %s", SafeThrowables.describe(e));
            return BatchResult.BROKER_AWAY;
        }
        if (batch.isEmpty()) {
            return BatchResult.DRAINED;
        }
        try {
            return send(batch);
        } catch (RuntimeException e) {
            failures.increment();
            LOG.warnf("Outbox relay batch failed, will retry: %s", SafeThrowables.describe(e));
            return BatchResult.BROKER_AWAY;
        }
    }

    private BatchResult send(List<OutboxEvent> batch) {
        Map<String, String> refusedTopics = topics.refused(
                batch.stream().map(OutboxEvent::topic).collect(Collectors.toSet()), config.outbox().topicCheckTimeout());
        Map<OutboxEvent, CompletableFuture<Void>> acks = new LinkedHashMap<>();
        for (OutboxEvent event : batch) {
            if (!refusedTopics.containsKey(event.topic())) {
                acks.put(event, publish(event).subscribeAsCompletionStage());
            }
        }
        awaitAll(acks.values());

        List<Long> delivered = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        // Topic and key of each row refused in this batch: the later rows of that key were refused because they came
        // after it (or, sent, would overtake it); they wait behind it without a refusal counted against them.
        java.util.Set<String> refusedKeys = new java.util.HashSet<>();
        boolean anyPermanent = false;
        Instant now = Instant.now();
        for (OutboxEvent event : batch) {
            String topicAndKey = event.topic() + '/' + event.recordKey(); // no topic name holds a '/'
            String topicRefusal = refusedTopics.get(event.topic());
            Throwable failure = topicRefusal != null ? null : failureOf(acks.get(event));
            if (topicRefusal == null && failure == null) {
                delivered.add(event.id());
                topics.written(event.topic());
                lag.record(Duration.between(event.createdAt() == null ? event.occurredAt() : event.createdAt(), now));
            } else if (!refusedKeys.add(topicAndKey)) {
                refused.add(new Refusal(event.id(), false, "waits behind an earlier refused event of its key"));
            } else if (topicRefusal != null) {
                refused.add(new Refusal(event.id(), true, topicRefusal));
                anyPermanent = true;
            } else {
                boolean permanent = SendFailures.isPermanent(failure);
                anyPermanent |= permanent;
                // The topic and the row's id say where the relay is stuck; neither is personal.
                refused.add(new Refusal(event.id(), permanent,
                        "not published to " + event.topic() + ": " + SafeThrowables.describe(failure)));
            }
        }
        rows.delete(delivered);
        relayed.increment(delivered.size());
        if (delivered.isEmpty() && !anyPermanent) {
            failures.increment();
            LOG.warnf("Outbox relay: the broker took none of %d events, will retry: %s", batch.size(),
                    refused.get(0).reason());
            return BatchResult.BROKER_AWAY;
        }
        if (!refused.isEmpty()) {
            refusals.increment(refused.size());
            OutboxRows.Refused outcome = rows.recordRefusals(refused, config.outbox().maxAttempts(),
                    config.outbox().retryBackoff(), config.outbox().maxRetryBackoff());
            int asideNow = outcome.setAside();
            if (outcome.firstRetry() != null && (nextRetry == null || outcome.firstRetry().isBefore(nextRetry))) {
                nextRetry = outcome.firstRetry();
            }
            for (Refusal refusal : refused) {
                LOG.warnf("Outbox event %d refused, will retry after a backoff: %s", refusal.id(), refusal.reason());
            }
            if (asideNow > 0) {
                setAside.increment(asideNow);
                LOG.errorf("Outbox relay set %d event(s) aside after %d refusals; later events of their keys wait"
                        + " with them: see /api/v1/admin/outbox/set-aside", asideNow, config.outbox().maxAttempts());
            }
        }
        return batch.size() >= config.outbox().batchSize() ? BatchResult.FULL : BatchResult.DRAINED;
    }

    /**
     * Waits for every acknowledgement, up to the send timeout, renewing the lease meanwhile so that a broker slow to
     * answer does not hand the relay to another instance while these records are still on their way.
     */
    private void awaitAll(java.util.Collection<CompletableFuture<Void>> acks) {
        CompletableFuture<Void> all = CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
        Instant deadline = Instant.now().plus(config.outbox().sendTimeout());
        long slice = Math.max(100, config.outbox().lease().toMillis() / 3);
        while (true) {
            try {
                all.get(slice, TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                return; // each row's own outcome is read below
            } catch (TimeoutException e) {
                if (Instant.now().isAfter(deadline)) {
                    return; // rows still unanswered count as refused by an absent broker
                }
                try {
                    lease.acquire(config.outbox().lease());
                } catch (RuntimeException leaseFailure) {
                    LOG.debugf("Relay lease not renewed: %s", SafeThrowables.describe(leaseFailure));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
                return;
            }
        }
    }

    private static Throwable failureOf(CompletableFuture<Void> ack) {
        if (!ack.isDone()) {
            return new TimeoutException("no acknowledgement within the send timeout");
        }
        try {
            ack.getNow(null);
            return null;
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        }
    }

    private void waitForWork() {
        Duration wait = config.outbox().pollInterval();
        if (nextRetry != null) {
            Duration untilRetry = Duration.between(Instant.now(), nextRetry);
            wait = untilRetry.isNegative() ? Duration.ZERO : min(wait, untilRetry);
            nextRetry = null;
        }
        try {
            signal.await(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void pause(Duration interval) {
        try {
            Thread.sleep(Math.max(1, interval.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private io.smallrye.mutiny.Uni<Void> publish(OutboxEvent event) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.ID, event.eventId().toString());
        header(headers, CloudEventHeaders.TYPE, event.eventType());
        header(headers, CloudEventHeaders.SOURCE, "/hotline/" + config.serviceName());
        header(headers, CloudEventHeaders.TIME, event.occurredAt().toString());
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        if (event.payload() != null) {
            header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        }
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic())
                .withKey(event.recordKey())
                .withHeaders(headers)
                .build();
        try {
            return emitter.sendMessage(Message.of(Record.of(event.recordKey(), event.payload())).addMetadata(metadata));
        } catch (RuntimeException e) {
            return io.smallrye.mutiny.Uni.createFrom().failure(e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
