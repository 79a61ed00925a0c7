-- Cases: one situation of potential trafficking, which many signals (calls, tips) may describe. No personal data in
-- case_file itself: the venue address stays in the signals' sealed data, notes are sealed with the case's own key.
CREATE TABLE case_file (
    id             UUID PRIMARY KEY,
    reference      TEXT        NOT NULL UNIQUE,
    status         TEXT        NOT NULL CHECK (status IN ('OPEN', 'MONITORING', 'REFERRED', 'CLOSED')),
    close_reason   TEXT,
    merged_into    UUID REFERENCES case_file (id),
    typology       TEXT,
    trafficking_type TEXT,
    county         TEXT,
    state          TEXT,
    victims        INTEGER     NOT NULL DEFAULT 0 CHECK (victims >= 0),
    minors         INTEGER     NOT NULL DEFAULT 0 CHECK (minors >= 0 AND minors <= victims),
    assignee       TEXT,
    opened_at      TIMESTAMPTZ NOT NULL,
    opened_by      TEXT        NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    closed_at      TIMESTAMPTZ,
    version        BIGINT      NOT NULL DEFAULT 0,
    CHECK ((status = 'CLOSED') = (close_reason IS NOT NULL)),
    CHECK (merged_into IS NULL OR close_reason = 'MERGED')
);
CREATE INDEX case_file_newest ON case_file (opened_at DESC, reference);
CREATE INDEX case_file_status_newest ON case_file (status, opened_at DESC, reference);
CREATE INDEX case_file_assignee_newest ON case_file (assignee, opened_at DESC, reference) WHERE assignee IS NOT NULL;

-- Which signal belongs to which case: a signal to one case at most.
CREATE TABLE case_signal (
    contact_id UUID PRIMARY KEY REFERENCES contact (id),
    case_id    UUID        NOT NULL REFERENCES case_file (id),
    linked_at  TIMESTAMPTZ NOT NULL,
    linked_by  TEXT        NOT NULL
);
CREATE INDEX case_signal_case ON case_signal (case_id, linked_at);

-- Every change of a case, append-only: who, when, what (no personal data: references, statuses, counts).
CREATE TABLE case_history (
    id        BIGSERIAL PRIMARY KEY,
    case_id   UUID        NOT NULL REFERENCES case_file (id),
    at        TIMESTAMPTZ NOT NULL,
    actor     TEXT        NOT NULL,
    change    TEXT        NOT NULL,
    detail    TEXT
);
CREATE INDEX case_history_case ON case_history (case_id, id);

-- The case's data key for its notes, wrapped by a key-encryption key, as contact_key is for a contact.
CREATE TABLE case_key (
    case_id     UUID PRIMARY KEY REFERENCES case_file (id) DEFERRABLE INITIALLY DEFERRED,
    kek_id      TEXT        NOT NULL,
    wrapped_key BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

-- Staff notes on a case: sealed with the case's key, append-only like contact_note.
CREATE TABLE case_note (
    id          UUID PRIMARY KEY,
    case_id     UUID        NOT NULL REFERENCES case_file (id),
    author      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    sealed_text BYTEA       NOT NULL
);
CREATE INDEX case_note_case ON case_note (case_id, created_at, id);

CREATE FUNCTION case_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER case_note_append_only BEFORE UPDATE OR DELETE ON case_note
    FOR EACH ROW EXECUTE FUNCTION case_append_only();
CREATE TRIGGER case_history_append_only BEFORE UPDATE OR DELETE ON case_history
    FOR EACH ROW EXECUTE FUNCTION case_append_only();
