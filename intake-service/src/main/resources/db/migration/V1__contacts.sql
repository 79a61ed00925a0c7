-- Calls and tips. Personal data (description, summary, reporter identity) stays in this schema; events carry none.
CREATE TABLE contact (
    id                         UUID PRIMARY KEY,
    reference                  TEXT        NOT NULL UNIQUE,
    kind                       TEXT        NOT NULL CHECK (kind IN ('CALL', 'TIP')),
    channel                    TEXT        NOT NULL,
    call_type                  TEXT        NOT NULL,
    caller_type                TEXT,
    trafficking_type           TEXT,
    received_at                TIMESTAMPTZ NOT NULL,
    status                     TEXT        NOT NULL,
    requested_urgent           BOOLEAN     NOT NULL DEFAULT FALSE,
    follow_up_requested        BOOLEAN     NOT NULL DEFAULT FALSE,
    consent_to_law_enforcement BOOLEAN     NOT NULL DEFAULT FALSE,
    anonymous                  BOOLEAN     NOT NULL DEFAULT TRUE,
    indicators                 JSONB       NOT NULL DEFAULT '[]',
    needs                      JSONB       NOT NULL DEFAULT '[]',
    location                   JSONB,
    language                   TEXT,
    description                TEXT,
    reporter_name              TEXT,
    reporter_phone             TEXT,
    reporter_email             TEXT,
    idempotency_key            TEXT UNIQUE,
    created_at                 TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX contact_received_at ON contact (received_at);
