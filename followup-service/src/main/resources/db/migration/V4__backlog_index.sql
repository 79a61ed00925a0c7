-- The backlog summary counts open follow-ups by call type, age and deadlines in two aggregate queries. This partial
-- covering index answers both with an index-only scan of the open rows, however many completed ones pile up.
CREATE INDEX followup_open_backlog ON followup (call_type) INCLUDE (clock_starts_at, target_at, breach_at)
    WHERE status = 'OPEN';
