package org.hotline.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hotline.contracts.EventCodec;
import org.hotline.contracts.EventType;
import org.hotline.platform.AfterCommit;

/**
 * Appends events to this service's outbox table inside the caller's transaction, so the state change and its event
 * commit or roll back together. The relay publishes them afterwards: each transaction that appended wakes it once it
 * has committed ({@link OutboxSignal}), so the relay need not poll for this instance's own rows.
 */
@ApplicationScoped
public class OutboxWriter {

    /** Marks a transaction whose commit already wakes the relay, so a transaction appending many events wakes it once. */
    private static final Object WAKE_REGISTERED = new Object();

    private final EntityManager entityManager;
    private final EventCodec codec;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxSignal signal;

    public OutboxWriter(EntityManager entityManager, EventCodec codec, TransactionSynchronizationRegistry transactions,
            OutboxSignal signal) {
        this.entityManager = entityManager;
        this.codec = codec;
        this.transactions = transactions;
        this.signal = signal;
    }

    /** Appends an event keyed by its aggregate id; the payload is checked against its schema first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String key, Record payload) {
        EventType type = EventType.of(payload.getClass());
        return insert(type, type.topic(), key, codec.encode(payload));
    }

    /**
     * Appends an event to a topic other than its type's, e.g. a copy for one partner's own topic; the payload is
     * checked against its schema first, and the record carries its type's CloudEvents {@code type} as usual. The
     * topic must exist: the relay waits for it (holding back every later event) until it does.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID appendTo(String topic, String key, Record payload) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("An outbox event needs a topic");
        }
        EventType type = EventType.of(payload.getClass());
        return insert(type, topic, key, codec.encode(payload));
    }

    /** Appends a tombstone (a null value) for a key of a compacted topic: the aggregate was deleted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID appendTombstone(EventType type, String key) {
        return insert(type, type.topic(), key, null);
    }

    private UUID insert(EventType type, String topic, String key, String json) {
        UUID eventId = UUID.randomUUID();
        entityManager.persist(new OutboxEvent(eventId, type.type(), topic, key, json, Instant.now()));
        wakeRelayAfterCommit();
        return eventId;
    }

    private void wakeRelayAfterCommit() {
        // Only a commit makes rows the relay can see; a rollback left nothing to publish.
        AfterCommit.once(transactions, WAKE_REGISTERED, signal::wake);
    }
}
