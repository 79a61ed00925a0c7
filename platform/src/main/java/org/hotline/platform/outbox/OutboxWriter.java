package org.hotline.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline.contracts.EventCodec;
import org.hotline.contracts.EventType;

/**
 * Appends events to this service's outbox table inside the caller's transaction, so the state change and its event
 * commit or roll back together. The relay publishes them afterwards.
 */
@ApplicationScoped
public class OutboxWriter {

    private final EntityManager entityManager;
    private final EventCodec codec;

    public OutboxWriter(EntityManager entityManager, EventCodec codec) {
        this.entityManager = entityManager;
        this.codec = codec;
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
        return eventId;
    }
}
