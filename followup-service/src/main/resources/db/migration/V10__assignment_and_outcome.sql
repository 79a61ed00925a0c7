-- Who works a follow-up (claimed by themselves or assigned by a supervisor; the token's subject, a staff id, not a
-- reporter's data) and what came of it when completed. The staff member's note is not kept here: it goes to intake as
-- a contact note, sealed and audited there (followup holds no personal data).
ALTER TABLE followup ADD COLUMN assignee TEXT;
ALTER TABLE followup ADD COLUMN assigned_at TIMESTAMPTZ;
ALTER TABLE followup ADD COLUMN outcome TEXT
    CHECK (outcome IN ('RESPONDED', 'REFERRED', 'UNREACHABLE', 'NO_ACTION_NEEDED'));
-- A staff member's own open work, in deadline order.
CREATE INDEX followup_assignee_open ON followup (assignee, target_at) WHERE status = 'OPEN' AND assignee IS NOT NULL;
