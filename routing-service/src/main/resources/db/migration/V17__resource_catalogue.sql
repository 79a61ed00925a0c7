-- Routing's read model of the directory's resource library, fed by the compacted hotline.directory.resources.v1 (never
-- a call to the directory): what a decision may propose to send a general-information or training request. A tombstone
-- (retired or deleted) keeps the row marked deleted with the version it deleted, so a late older record cannot bring
-- it back; each row remembers the record it came from, so a redelivery is applied once.
CREATE TABLE resource_catalogue (
    id                UUID PRIMARY KEY,
    title             TEXT,
    kind              TEXT,
    topics            TEXT[]      NOT NULL DEFAULT '{}',
    audiences         TEXT[]      NOT NULL DEFAULT '{}',
    languages         TEXT[]      NOT NULL DEFAULT '{}',
    link              TEXT,
    published_on      DATE,
    retired_on        DATE,
    version           BIGINT      NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    deleted           BOOLEAN     NOT NULL,
    source_partition  INTEGER     NOT NULL,
    source_offset     BIGINT      NOT NULL,
    CHECK (deleted OR (title IS NOT NULL AND kind IS NOT NULL))
);
COMMENT ON COLUMN resource_catalogue.topics IS 'The resource''s needs and trafficking types, by name.';
-- Proposals read the live rows only.
CREATE INDEX resource_catalogue_live ON resource_catalogue (id) WHERE NOT deleted;
