-- The hotline's library of anti-trafficking resources and materials (fact sheets, trainings, toolkits, hotline cards,
-- legal guides, videos), answered from for general-information and training requests. Each resource is read either at
-- its own https link or from a PDF attached to it (resource_file, V17). HSDS-style ids: UUIDs.
CREATE TABLE resource (
    id             UUID PRIMARY KEY,
    title          TEXT        NOT NULL CHECK (btrim(title) <> '' AND length(title) <= 200),
    summary        TEXT        NOT NULL CHECK (btrim(summary) <> '' AND length(summary) <= 2000),
    kind           TEXT        NOT NULL CHECK (kind IN ('FACT_SHEET', 'TRAINING', 'TOOLKIT', 'HOTLINE_CARD',
                                                        'LEGAL_GUIDE', 'VIDEO')),
    topics         TEXT[]      NOT NULL CHECK (cardinality(topics) >= 1),
    audiences      TEXT[]      NOT NULL CHECK (cardinality(audiences) >= 1
                                               AND audiences <@ ARRAY['PUBLIC', 'SERVICE_PROVIDER', 'LAW_ENFORCEMENT',
                                                                      'MEDICAL', 'LEGAL', 'EDUCATOR', 'SURVIVOR']),
    languages      TEXT[]      NOT NULL CHECK (cardinality(languages) >= 1),
    url            TEXT        CHECK (url IS NULL OR url LIKE 'https://%'),
    published_on   DATE,
    retired_on     DATE,
    version        BIGINT      NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    CHECK (retired_on IS NULL OR published_on IS NULL OR retired_on > published_on)
);
COMMENT ON COLUMN resource.topics IS
    'Needs (the Need vocabulary, TRAINING and INFORMATION among them) and trafficking types (SEX, LABOR, ...).';
COMMENT ON COLUMN resource.published_on IS 'Public and proposable from this date (UTC); NULL is a draft.';
COMMENT ON COLUMN resource.retired_on IS 'No longer public nor proposed from this date (UTC); NULL: not retired.';

-- Full-text search over the title (weight A) and the summary (B), as the organisation search does.
ALTER TABLE resource ADD COLUMN search_vector TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', summary), 'B')) STORED;
CREATE INDEX resource_search ON resource USING gin (search_vector);
CREATE INDEX resource_facets ON resource USING gin (topics, audiences, languages);
CREATE INDEX resource_by_title ON resource (lower(title), id);
