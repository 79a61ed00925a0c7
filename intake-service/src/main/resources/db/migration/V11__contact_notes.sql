-- Staff notes on a contact: append-only, each sealed with the contact's data key (its text is personal data), with
-- its author (the token's subject) and time. Internal: never shown to the reporter.
CREATE TABLE contact_note (
    id          UUID PRIMARY KEY,
    contact_id  UUID        NOT NULL REFERENCES contact (id),
    author      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    sealed_text BYTEA
);
CREATE INDEX contact_note_contact ON contact_note (contact_id, created_at, id);

-- Append-only, also against a mistaken statement: a note is never deleted and never rewritten; the one change allowed
-- is the retention purge emptying its sealed text (already unreadable once the contact's key is shredded).
CREATE FUNCTION contact_note_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.sealed_text IS NULL AND NEW.id = OLD.id AND NEW.contact_id = OLD.contact_id
            AND NEW.author = OLD.author AND NEW.created_at = OLD.created_at THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'contact notes are append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER contact_note_append_only BEFORE UPDATE OR DELETE ON contact_note
    FOR EACH ROW EXECUTE FUNCTION contact_note_append_only();
