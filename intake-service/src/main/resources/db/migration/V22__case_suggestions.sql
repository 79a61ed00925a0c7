-- Open cases a signal may belong to, proposed when the signal was stored, with the reasons (PHONE, EMAIL, VENUE,
-- PLACE, TYPOLOGY, TIME_WINDOW, TEXT) and a score. Only a suggestion: staff confirm (the signal is linked) or reject
-- it, and who decided when is kept.
CREATE TABLE case_suggestion (
    id           UUID PRIMARY KEY,
    contact_id   UUID        NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    case_id      UUID        NOT NULL REFERENCES case_file (id),
    reasons      TEXT        NOT NULL,
    score        INTEGER     NOT NULL,
    similarity   REAL,
    suggested_at TIMESTAMPTZ NOT NULL,
    decision     TEXT CHECK (decision IN ('CONFIRMED', 'REJECTED')),
    decided_by   TEXT,
    decided_at   TIMESTAMPTZ,
    UNIQUE (contact_id, case_id),
    CHECK ((decision IS NULL) = (decided_at IS NULL))
);
CREATE INDEX case_suggestion_case ON case_suggestion (case_id);
