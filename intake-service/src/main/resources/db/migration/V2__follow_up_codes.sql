-- Anonymous reporters get a follow-up code; only its bcrypt hash is kept.
ALTER TABLE contact ADD COLUMN follow_up_code_hash TEXT;

-- Wrong codes, counted per reference so guessing is throttled across every instance of the service.
CREATE TABLE follow_up_code_failure (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference  TEXT        NOT NULL,
    failed_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX follow_up_code_failure_reference ON follow_up_code_failure (reference, failed_at);
