-- Idempotent consumers: an event id is recorded in the same transaction as its effect, so a redelivered
-- event (same CloudEvents id) finds its id here and changes nothing.
CREATE TABLE processed_event (
    consumer      TEXT        NOT NULL,
    event_id      UUID        NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
