-- What intake learns from the other services for the staff list, from their events (never their tables): the
-- routing decision's urgency (the latest decision wins, by decided_at) and whether the contact has a follow-up that is
-- open. NULL until the event arrives: not decided yet, no follow-up (yet, or none owed).
ALTER TABLE contact ADD COLUMN urgency TEXT CHECK (urgency IN ('URGENT', 'NON_URGENT'));
ALTER TABLE contact ADD COLUMN decided_at TIMESTAMPTZ;
ALTER TABLE contact ADD COLUMN follow_up TEXT CHECK (follow_up IN ('OPEN', 'COMPLETED'));

-- The list is newest first, the reference breaking ties, one index per filter so each filter reads its own rows in
-- that order and stops at the page (a prefix of a reference uses text_pattern_ops, which LIKE 'ABC%' can range-scan
-- whatever the collation). The plain received_at index of V1 is replaced by the first one.
DROP INDEX contact_received_at;
CREATE INDEX contact_newest ON contact (received_at DESC, reference DESC);
CREATE INDEX contact_reference_prefix ON contact (reference text_pattern_ops);
CREATE INDEX contact_status_newest ON contact (status, received_at DESC, reference DESC);
CREATE INDEX contact_call_type_newest ON contact (call_type, received_at DESC, reference DESC);
CREATE INDEX contact_urgency_newest ON contact (urgency, received_at DESC, reference DESC);
CREATE INDEX contact_state_newest ON contact ((location ->> 'state'), received_at DESC, reference DESC);
CREATE INDEX contact_open_follow_up_newest ON contact (received_at DESC, reference DESC) WHERE follow_up = 'OPEN';
