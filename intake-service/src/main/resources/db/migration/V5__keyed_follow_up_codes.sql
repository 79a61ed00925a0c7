-- Follow-up codes are kept as a keyed hash (HMAC-SHA-256 under a key derived from a key-encryption key) with the id
-- of that key, so codes hashed before a rotation still verify. A bcrypt hash stored before this migration
-- (follow_up_code_hash) is still checked once, then replaced by a keyed hash on the reporter's next successful use.
ALTER TABLE contact ADD COLUMN follow_up_code_mac BYTEA;
ALTER TABLE contact ADD COLUMN follow_up_code_key TEXT;
COMMENT ON COLUMN contact.follow_up_code_hash IS 'legacy bcrypt hash, replaced by follow_up_code_mac on next use';

-- Wrong codes are purged once past the failure window; the purge finds them by time.
CREATE INDEX follow_up_code_failure_failed_at ON follow_up_code_failure (failed_at);
