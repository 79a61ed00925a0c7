-- A fingerprint of the body first submitted with an idempotency key (SHA-256 over the key and the canonical body; the
-- key is random per submission, so the fingerprint reveals nothing of the body), so the same key with a different body
-- is refused (422) instead of silently answered with the first tip. Null for tips stored before: those keep matching.
ALTER TABLE contact ADD COLUMN idempotency_body_hash TEXT;
