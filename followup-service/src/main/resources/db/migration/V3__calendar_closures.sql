-- Operator closures (a snow day, an office event): wall-clock times in the business calendar's zone, [start, end).
-- Kept as local times, like the calendar's window, so a closure "09:00 to 19:00" stays so across offset changes.
CREATE TABLE calendar_closure (
    id          UUID PRIMARY KEY,
    starts_at   TIMESTAMP   NOT NULL,
    ends_at     TIMESTAMP   NOT NULL,
    reason      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (starts_at < ends_at)
);
CREATE INDEX calendar_closure_starts_at ON calendar_closure (starts_at);
