package org.hotline.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.contracts.EventCodec;
import org.hotline.contracts.EventFormatException;
import org.hotline.contracts.EventType;

/**
 * A Kafka record read as a CloudEvent in binary mode. A record without a usable {@code ce_id} or {@code ce_type} is
 * poison: it cannot be de-duplicated or understood.
 */
public record IncomingEvent(UUID id, EventType type, String source, Instant time, String key, String payload,
        String topic, int partition, long offset) {

    public static IncomingEvent of(ConsumerRecord<String, String> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new EventFormatException(where + ": missing " + CloudEventHeaders.ID + " or " + CloudEventHeaders.TYPE);
        }
        UUID eventId;
        try {
            eventId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new EventFormatException(where + ": " + CloudEventHeaders.ID + " is not a UUID");
        }
        EventType eventType = EventType.fromType(type)
                .orElseThrow(() -> new EventFormatException(where + ": unknown event type"));
        return new IncomingEvent(eventId, eventType, header(record, CloudEventHeaders.SOURCE),
                time(header(record, CloudEventHeaders.TIME), where), record.key(), record.value(),
                record.topic(), record.partition(), record.offset());
    }

    /** A tombstone: the aggregate named by the key was deleted. */
    public boolean isTombstone() {
        return payload == null;
    }

    /** The payload checked against its schema and read as the expected record. */
    public <T extends Record> T payload(EventCodec codec, Class<T> payloadType) {
        return codec.decode(type, payload, payloadType);
    }

    @Override
    public String toString() {
        // Never the payload: it can hold personal data.
        return type.type() + " " + id + " (" + topic + "-" + partition + "@" + offset + ")";
    }

    private static Instant time(String value, String where) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new EventFormatException(where + ": " + CloudEventHeaders.TIME + " is not an ISO-8601 instant");
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
