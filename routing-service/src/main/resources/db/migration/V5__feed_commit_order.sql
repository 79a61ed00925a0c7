-- The partner feed follows commit order, not issue time: each referral row carries the id of the transaction that
-- wrote it (pg_current_xact_id(), 64 bits, never wraps), and the feed serves only rows whose transaction id is below
-- the reading snapshot's xmin, i.e. rows every transaction that could still commit an older one has finished. A
-- partner's cursor is (feed_txid, issued_at, referral_id): no referral can later appear behind it.
-- Rows written before this migration get 0: they come first, in their old (issue time, id) order, so cursors issued
-- before it still resume where they were.
ALTER TABLE referral ADD COLUMN feed_txid BIGINT NOT NULL DEFAULT 0;
ALTER TABLE referral ALTER COLUMN feed_txid SET DEFAULT (pg_current_xact_id()::text::bigint);

CREATE INDEX referral_feed_commit_order ON referral (organization_id, feed_txid, issued_at, referral_id);
DROP INDEX referral_feed;
