-- Transactional outbox: written in the same transaction as the state change, relayed to Kafka afterwards.
-- Shipped by the platform module and applied in every service's own schema.
CREATE TABLE outbox (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    event_type   TEXT        NOT NULL,
    topic        TEXT        NOT NULL,
    record_key   TEXT        NOT NULL,
    payload      TEXT,
    occurred_at  TIMESTAMPTZ NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
COMMENT ON COLUMN outbox.payload IS 'The event JSON; NULL is a tombstone on a compacted topic.';
