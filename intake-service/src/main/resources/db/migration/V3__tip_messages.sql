-- Information an anonymous reporter adds to their tip later; the text is personal data and stays here.
CREATE TABLE tip_message (
    id           UUID PRIMARY KEY,
    contact_id   UUID        NOT NULL REFERENCES contact (id),
    message      TEXT        NOT NULL,
    indicators   JSONB       NOT NULL DEFAULT '[]',
    needs        JSONB       NOT NULL DEFAULT '[]',
    received_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX tip_message_contact ON tip_message (contact_id, received_at);
