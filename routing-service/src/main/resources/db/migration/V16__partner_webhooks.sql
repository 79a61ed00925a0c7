-- Partner webhooks (README "Partner webhooks"): subscriptions, the per-organisation event stream they are delivered
-- from, and the log of delivery attempts. Nothing personal anywhere: events carry what the Kafka events carry.

-- A partner's HTTPS endpoint and what it wants. The signing secret is sealed (AES-256-GCM under the key named by
-- kek_id, bound to the row's id); during a rotation's overlap the previous secret signs too, until it expires.
-- The delivery cursor is a position in partner_event's commit order: (feed_txid, seq) of the last event delivered.
-- Head-of-line state (attempt, failing_since) belongs to the first undelivered event; a lease lets one instance at a
-- time deliver for a subscription without holding a transaction over the HTTP call.
CREATE TABLE webhook_subscription (
    id                       UUID PRIMARY KEY,
    organization_id          UUID        NOT NULL,
    url                      TEXT        NOT NULL,
    event_types              JSONB       NOT NULL,
    status                   TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'FAILING', 'DISABLED')),
    disabled_reason          TEXT,
    kek_id                   TEXT        NOT NULL,
    secret_sealed            BYTEA       NOT NULL,
    previous_secret_sealed   BYTEA,
    previous_secret_until    TIMESTAMPTZ,
    cursor_txid              BIGINT      NOT NULL,
    cursor_seq               BIGINT      NOT NULL,
    attempt                  INTEGER     NOT NULL DEFAULT 0,
    failing_since            TIMESTAMPTZ,
    next_attempt_at          TIMESTAMPTZ NOT NULL,
    lease_token              UUID,
    leased_until             TIMESTAMPTZ,
    created_at               TIMESTAMPTZ NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL
);

CREATE INDEX webhook_subscription_organization ON webhook_subscription (organization_id);
-- The delivery worker's claim: live subscriptions whose next attempt is due.
CREATE INDEX webhook_subscription_due ON webhook_subscription (next_attempt_at) WHERE status <> 'DISABLED';

-- Each organisation's webhook events (hotline.referral.issued and .escalated), appended in the transaction of the
-- change they report while the organisation has a live subscription: the payload exactly as on Kafka, and the id of
-- the Kafka record (its ce_id), which is also the CloudEvent id and the webhook-id. Ordered like the partner feed: by
-- the writing transaction's id, served only below the reading snapshot's xmin, so nothing can appear behind a cursor.
CREATE TABLE partner_event (
    seq             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        UUID        NOT NULL UNIQUE,
    organization_id UUID        NOT NULL,
    event_type      TEXT        NOT NULL,
    payload         TEXT        NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    feed_txid       BIGINT      NOT NULL DEFAULT (pg_current_xact_id()::text::bigint)
);

CREATE INDEX partner_event_stream ON partner_event (organization_id, feed_txid, seq);
CREATE INDEX partner_event_age ON partner_event (occurred_at);

-- Every attempt (scheduled or replayed): which event, the answer's status code or the class of error, when and how
-- long. Kept 7 days. Never a body, a header or a URL.
CREATE TABLE webhook_delivery (
    id              UUID PRIMARY KEY,
    subscription_id UUID        NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_seq       BIGINT      NOT NULL,
    event_id        UUID        NOT NULL,
    event_type      TEXT        NOT NULL,
    attempt         INTEGER     NOT NULL,
    replay          BOOLEAN     NOT NULL,
    status_code     INTEGER,
    error           TEXT,
    outcome         TEXT        NOT NULL CHECK (outcome IN ('DELIVERED', 'FAILED', 'GONE', 'REFUSED')),
    attempted_at    TIMESTAMPTZ NOT NULL,
    duration_ms     BIGINT      NOT NULL
);

CREATE INDEX webhook_delivery_log ON webhook_delivery (subscription_id, attempted_at DESC);
CREATE INDEX webhook_delivery_age ON webhook_delivery (attempted_at);
