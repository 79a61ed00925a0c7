package org.hotline.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.platform.SafeThrowables;
import org.hotline.platform.config.PlatformConfig;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in the order they were written, then deletes them, all in one transaction. It runs on
 * its own thread (the scheduler cannot poll faster than once a second), keeps going while batches come back full, and
 * waits the poll interval when the outbox is drained. Only one instance of a service relays at a time (a transaction-scoped advisory lock), which keeps events of one aggregate in
 * order across instances. A crash between the broker's acknowledgement and the commit republishes the batch:
 * delivery is at least once, and consumers drop duplicates by CloudEvents id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntityManager entityManager;
    private final MutinyEmitter<Record<String, String>> emitter;
    private final PlatformConfig config;
    private final Counter relayed;
    private final Counter failures;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(EntityManager entityManager,
            @Channel("outbox") MutinyEmitter<Record<String, String>> emitter,
            PlatformConfig config,
            MeterRegistry registry) {
        this.entityManager = entityManager;
        this.emitter = emitter;
        this.config = config;
        relayed = Counter.builder("hotline.outbox.relayed").description("Events published from the outbox")
                .register(registry);
        failures = Counter.builder("hotline.outbox.failures").description("Relay batches that failed and will retry")
                .register(registry);
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

    /** Lets the batch in flight finish before the database and Kafka clients close. */
    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        synchronized (this) {
            notifyAll();
        }
        if (worker != null) {
            worker.join(config.outbox().sendTimeout().toMillis());
        }
    }

    private void relayUntilStopped() {
        while (running) {
            int sent = relayPending();
            if (sent < config.outbox().batchSize()) {
                pause(config.outbox().pollInterval());
            }
        }
    }

    /** One transaction's worth of relaying; a failure is logged and retried at the next poll. */
    int relayPending() {
        try {
            return QuarkusTransaction.requiringNew()
                    .timeout((int) config.outbox().sendTimeout().plusSeconds(30).toSeconds())
                    .call(this::relayBatch);
        } catch (RuntimeException e) {
            failures.increment();
            LOG.warnf("Outbox relay batch failed, will retry: %s", SafeThrowables.describe(e));
            pause(config.outbox().pollInterval().multipliedBy(10));
            return 0;
        }
    }

    private synchronized void pause(Duration interval) {
        if (!running) {
            return;
        }
        try {
            wait(Math.max(1, interval.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Relays one batch; returns how many events it published, or 0 when another instance holds the relay. */
    int relayBatch() {
        Boolean mine = (Boolean) entityManager
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox-relay'))")
                .getSingleResult();
        if (!Boolean.TRUE.equals(mine)) {
            return 0;
        }
        List<OutboxEvent> batch = entityManager
                .createQuery("FROM OutboxEvent ORDER BY id", OutboxEvent.class)
                .setMaxResults(config.outbox().batchSize())
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Uni<Void>> acks = batch.stream().map(this::send).toList();
        Uni.join().all(acks).andFailFast().await().atMost(config.outbox().sendTimeout());
        entityManager.createQuery("DELETE FROM OutboxEvent WHERE id IN :ids")
                .setParameter("ids", batch.stream().map(OutboxEvent::id).toList())
                .executeUpdate();
        relayed.increment(batch.size());
        return batch.size();
    }

    private Uni<Void> send(OutboxEvent event) {
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
        // The topic and the row's id say where the relay is stuck (a missing topic, a denied ACL); neither is personal.
        return emitter.sendMessage(Message.of(Record.of(event.recordKey(), event.payload())).addMetadata(metadata))
                .onFailure().invoke(e -> LOG.warnf("Outbox event %d (%s) not published to %s: %s", event.id(),
                        event.eventType(), event.topic(), SafeThrowables.describe(e)));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
