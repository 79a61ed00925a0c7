-- Contacts accepted over a minute ago with no routing decision are counted (GET /api/v1/contacts/unrouted, the gauge
-- hotline.contacts.unrouted, followup's dashboard "N contacts could not be routed"). decided_at (V10) is stamped from
-- routing's decisions; contacts stored over a day before this migration are taken as decided (they were, or would
-- have been found long since), which keeps V10's latest-decision-wins ordering. Only the undecided are indexed.
UPDATE contact SET decided_at = created_at WHERE decided_at IS NULL AND created_at < now() - interval '1 day';
CREATE INDEX contact_undecided ON contact (created_at) WHERE decided_at IS NULL;
