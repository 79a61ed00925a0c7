-- Each referral as a row routing owns, written in the decision's transaction beside its hotline.referral.issued
-- outbox row: the partner feed reads it, acknowledgements and escalations stamp it. The same fields as the event
-- (indicators and location, never personal data). Referrals issued before this migration stay in their decision's
-- document and on Kafka only.
CREATE TABLE referral (
    referral_id       UUID PRIMARY KEY,
    reference         TEXT        NOT NULL,
    organization_id   UUID        NOT NULL,
    organization_name TEXT        NOT NULL,
    need              TEXT        NOT NULL,
    urgency           TEXT        NOT NULL,
    law_enforcement   BOOLEAN     NOT NULL,
    consent_basis     TEXT        NOT NULL,
    fallback          BOOLEAN     NOT NULL,
    indicators        JSONB       NOT NULL,
    location          JSONB,
    issued_at         TIMESTAMPTZ NOT NULL,
    acknowledged_at   TIMESTAMPTZ,
    escalated_at      TIMESTAMPTZ
);

-- The partner feed: one organisation's referrals in issue order, resumed after a (issued_at, referral_id) cursor.
CREATE INDEX referral_feed ON referral (organization_id, issued_at, referral_id);

-- The escalation sweep: urgent referrals still waiting for an acknowledgement (a small, shrinking set).
CREATE INDEX referral_awaiting_acknowledgement ON referral (issued_at)
    WHERE urgency = 'URGENT' AND acknowledged_at IS NULL AND escalated_at IS NULL;
