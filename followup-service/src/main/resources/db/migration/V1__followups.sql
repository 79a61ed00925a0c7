-- Follow-ups: a staff reply owed to a non-urgent message, with its SLA clock in business time.
-- One per contact reference: a second routing decision for the same contact never schedules a second reply.
-- No personal data: the contact itself stays in intake.
CREATE TABLE followup (
    id                  UUID PRIMARY KEY,
    reference           TEXT        NOT NULL UNIQUE,
    call_type           TEXT        NOT NULL,
    channel             TEXT        NOT NULL,
    received_at         TIMESTAMPTZ NOT NULL,
    clock_starts_at     TIMESTAMPTZ NOT NULL,
    target_at           TIMESTAMPTZ NOT NULL,
    breach_at           TIMESTAMPTZ NOT NULL,
    status              TEXT        NOT NULL CHECK (status IN ('OPEN', 'COMPLETED')),
    at_risk_raised_at   TIMESTAMPTZ,
    breached_raised_at  TIMESTAMPTZ,
    completed_at        TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (clock_starts_at <= target_at AND target_at <= breach_at),
    CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL))
);
-- The backlog is read, and the deadline sweeps will scan, by status in deadline order.
CREATE INDEX followup_status_target_at ON followup (status, target_at);
CREATE INDEX followup_open_breach_at ON followup (breach_at) WHERE status = 'OPEN';
