-- Staff replies to a tip's anonymous reporter, read by the reporter with their follow-up code. The text is sealed
-- with the contact's data key (PersonalDataVault), so shredding the contact shreds its replies too.
CREATE TABLE reply (
    id          UUID PRIMARY KEY,
    contact_id  UUID        NOT NULL REFERENCES contact (id),
    author      TEXT        NOT NULL,
    sealed_text BYTEA,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX reply_contact ON reply (contact_id, created_at);
