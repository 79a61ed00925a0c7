-- The deadline sweep claims open follow-ups whose target (or breach time) passed and whose event is not raised yet.
-- Partial indexes keep those claims cheap however many follow-ups are open or done: each holds only what is still due.
CREATE INDEX followup_at_risk_due ON followup (target_at) WHERE status = 'OPEN' AND at_risk_raised_at IS NULL;
CREATE INDEX followup_breach_due ON followup (breach_at) WHERE status = 'OPEN' AND breached_raised_at IS NULL;
