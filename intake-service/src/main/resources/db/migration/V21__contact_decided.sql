-- When routing's decision for a contact was seen (intake reads hotline.routing.decisions.v1 for this alone), so that
-- contacts accepted over a minute ago with no decision can be counted: GET /api/v1/contacts/unrouted, the gauge
-- hotline.contacts.unrouted, and followup's dashboard ("N contacts could not be routed"). Contacts stored before this
-- migration are taken as decided: they were, or they would have been found long since.
ALTER TABLE contact ADD COLUMN decided_at TIMESTAMPTZ;
UPDATE contact SET decided_at = created_at;
-- Only the undecided are indexed: a handful at any time, however large the table.
CREATE INDEX contact_undecided ON contact (created_at) WHERE decided_at IS NULL;
