-- Partner organisations. Services (needs, phone, hours, service area) are a JSONB document on the organisation row
-- for now; a later migration normalises them toward Open Referral HSDS 3.0 tables.
CREATE TABLE organization (
    id                  UUID PRIMARY KEY,
    name                TEXT        NOT NULL CHECK (btrim(name) <> ''),
    description         TEXT,
    law_enforcement     BOOLEAN     NOT NULL DEFAULT FALSE,
    emergency_dispatch  BOOLEAN     NOT NULL DEFAULT FALSE,
    audiences           JSONB       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(audiences) = 'array'),
    languages           JSONB       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(languages) = 'array'),
    last_verified_on    DATE,
    services            JSONB       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(services) = 'array'),
    version             BIGINT      NOT NULL CHECK (version >= 0),
    updated_at          TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN organization.services IS
    'Array of {id, name, needs[], phone, hours{timeZone, open24h, weekly[{days[], opens, closes}], closedDates[]}, '
    'area{national, states[], counties[], postalCodes[]}}; dates as ISO-8601 strings.';
COMMENT ON COLUMN organization.version IS '0 when created, +1 on every change; the optimistic lock and the event version.';
CREATE INDEX organization_name ON organization (name, id);
