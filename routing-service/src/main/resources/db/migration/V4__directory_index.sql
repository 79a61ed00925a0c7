-- The read model as each routing instance's in-memory index follows it (README "Directory index"):
-- * a deleted organisation stays as a row marked deleted (name and document cleared), so every instance learns of
--   the deletion, not only the one that consumed the tombstone;
-- * each row remembers the topic record it came from (partition, offset), so a rebuild from the beginning of the
--   topic never overwrites what the live consumer wrote from a later record;
-- * written_xid is the transaction that last wrote the row (set by the trigger, whoever writes): an instance reads
--   only the rows written by transactions it may not have seen yet.
ALTER TABLE directory_organization
    ALTER COLUMN name DROP NOT NULL,
    ALTER COLUMN document DROP NOT NULL,
    ADD COLUMN deleted          BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN source_partition INTEGER,
    ADD COLUMN source_offset    BIGINT,
    ADD COLUMN written_xid      xid8    NOT NULL DEFAULT pg_current_xact_id();

CREATE FUNCTION directory_organization_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.written_xid := pg_current_xact_id();
    RETURN NEW;
END;
$$;

CREATE TRIGGER directory_organization_written BEFORE INSERT OR UPDATE ON directory_organization
    FOR EACH ROW EXECUTE FUNCTION directory_organization_written();

-- "What changed since": a handful of rows per look-up, usually none.
CREATE INDEX directory_organization_changes ON directory_organization (written_xid);
