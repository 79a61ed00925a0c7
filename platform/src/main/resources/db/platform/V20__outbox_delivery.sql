-- The relay publishes outside any transaction (issue 15): it claims a batch, sends it, then deletes what the broker
-- acknowledged and records what it refused. A row the broker refuses for good (its topic missing, writing to it
-- denied, the record too large) is retried a bounded number of times, then set aside with its reason for an
-- administrator to re-queue (/api/v1/admin/outbox/set-aside); rows of other keys keep flowing past it.
ALTER TABLE outbox
    ADD COLUMN attempts        INT NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at TIMESTAMPTZ,
    ADD COLUMN last_error      TEXT,
    ADD COLUMN set_aside_at    TIMESTAMPTZ;
COMMENT ON COLUMN outbox.attempts IS 'Sends the broker refused for this row (not counting whole-broker outages).';
COMMENT ON COLUMN outbox.next_attempt_at IS 'Not sent again before this instant; later rows of the same topic and key wait as well.';
COMMENT ON COLUMN outbox.last_error IS 'Why the last send failed: exception types and the topic, never the payload.';
COMMENT ON COLUMN outbox.set_aside_at IS 'Set aside after too many refusals; held with the later rows of its topic and key until re-queued.';

-- The few rows that hold back others of their topic and key; the relay's claim looks them up for every candidate.
CREATE INDEX outbox_holding ON outbox (topic, record_key, id)
    WHERE set_aside_at IS NOT NULL OR next_attempt_at IS NOT NULL;

-- One relaying instance per service at a time, by lease: the holder renews it while it sends, a stopped holder
-- releases it, a crashed one loses it when it expires. Kept in a table rather than an advisory lock because the
-- relay holds no transaction (and no connection) while it waits for the broker.
CREATE TABLE outbox_relay_lease (
    relay       TEXT PRIMARY KEY,
    holder      TEXT        NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);
