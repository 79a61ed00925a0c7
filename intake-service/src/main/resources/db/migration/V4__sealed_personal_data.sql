-- Personal data is sealed by the application (AES-256-GCM) before it reaches the database: one data key per contact,
-- itself stored only wrapped by a key-encryption key (KEK) that never enters the database. Deleting a contact's key
-- shreds everything sealed with it.
CREATE TABLE contact_key (
    -- Deferred: the key is written in the same transaction as its new contact, before or after it.
    contact_id   UUID PRIMARY KEY REFERENCES contact (id) DEFERRABLE INITIALLY DEFERRED,
    kek_id       TEXT        NOT NULL,
    wrapped_key  BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    rewrapped_at TIMESTAMPTZ
);
-- Rotation re-wraps the keys still under an old KEK.
CREATE INDEX contact_key_kek ON contact_key (kek_id);

-- The description, the agent's summary and the reporter's identity, sealed together as one JSON document.
ALTER TABLE contact ADD COLUMN personal_data BYTEA;
ALTER TABLE tip_message ADD COLUMN sealed_message BYTEA;
ALTER TABLE tip_message ALTER COLUMN message DROP NOT NULL;

-- Closing a contact starts its retention period; the purge then shreds its personal data.
ALTER TABLE contact ADD COLUMN closed_at TIMESTAMPTZ;
ALTER TABLE contact ADD COLUMN purged_at TIMESTAMPTZ;
CREATE INDEX contact_closed_unpurged ON contact (closed_at) WHERE closed_at IS NOT NULL AND purged_at IS NULL;

-- Rows stored before this migration hold personal data in plain text: LegacyPlaintextSealer seals them at start-up,
-- before the service reports ready, and empties these columns. New rows never use them.
COMMENT ON COLUMN contact.description IS 'legacy plain text, emptied at start-up: see personal_data';
COMMENT ON COLUMN contact.reporter_name IS 'legacy plain text, emptied at start-up: see personal_data';
COMMENT ON COLUMN contact.reporter_phone IS 'legacy plain text, emptied at start-up: see personal_data';
COMMENT ON COLUMN contact.reporter_email IS 'legacy plain text, emptied at start-up: see personal_data';
COMMENT ON COLUMN tip_message.message IS 'legacy plain text, emptied at start-up: see sealed_message';
