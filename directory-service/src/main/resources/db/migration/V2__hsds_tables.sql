-- The directory as relational tables aligned with Open Referral HSDS 3.0 (organization, service, phone, schedule,
-- service_area, taxonomy, taxonomy_term), plus what a hotline needs and HSDS lacks: an IANA time zone per schedule,
-- 24-hour services, closed dates, audiences, the law-enforcement and emergency-dispatch flags, languages and the
-- last-verified date. Moves the services out of V1's JSONB document and adds the search columns and indexes.

-- Taxonomies: the Need vocabulary, the Audience vocabulary, and the terms the HSDS export uses to carry the hotline's
-- own fields as HSDS attributes. Ids are fixed so every environment exports the same term ids.
CREATE TABLE taxonomy (
    id           UUID PRIMARY KEY,
    name         TEXT NOT NULL,
    description  TEXT NOT NULL,
    uri          TEXT,
    version      TEXT
);

CREATE TABLE taxonomy_term (
    id           UUID PRIMARY KEY,
    taxonomy_id  UUID NOT NULL REFERENCES taxonomy (id),
    code         TEXT NOT NULL,
    name         TEXT NOT NULL,
    description  TEXT NOT NULL,
    UNIQUE (taxonomy_id, code)
);

INSERT INTO taxonomy (id, name, description, uri, version) VALUES
    ('7a0c0000-0000-4000-8000-000000000001', 'Hotline needs',
     'What a caller needs; a service covers one or more needs.', 'https://hotline.example/taxonomies/needs', '1'),
    ('7a0c0000-0000-4000-8000-000000000002', 'Hotline audiences',
     'Who an organisation admits; an organisation without audiences admits everyone.',
     'https://hotline.example/taxonomies/audiences', '1'),
    ('7a0c0000-0000-4000-8000-000000000003', 'Hotline directory attributes',
     'Fields of the hotline directory that HSDS 3.0 has no place for, carried as attributes.',
     'https://hotline.example/taxonomies/directory-attributes', '1');

INSERT INTO taxonomy_term (id, taxonomy_id, code, name, description) VALUES
    ('7a0c0001-0000-4000-8000-000000000001', '7a0c0000-0000-4000-8000-000000000001', 'EMERGENCY_SHELTER', 'Emergency shelter', 'A safe place to stay tonight.'),
    ('7a0c0001-0000-4000-8000-000000000002', '7a0c0000-0000-4000-8000-000000000001', 'SHELTER', 'Shelter', 'Longer-term or transitional housing.'),
    ('7a0c0001-0000-4000-8000-000000000003', '7a0c0000-0000-4000-8000-000000000001', 'LEGAL', 'Legal', 'Legal advice and representation.'),
    ('7a0c0001-0000-4000-8000-000000000004', '7a0c0000-0000-4000-8000-000000000001', 'IMMIGRATION', 'Immigration', 'Immigration relief and status (e.g. T visas).'),
    ('7a0c0001-0000-4000-8000-000000000005', '7a0c0000-0000-4000-8000-000000000001', 'MEDICAL', 'Medical', 'Medical care.'),
    ('7a0c0001-0000-4000-8000-000000000006', '7a0c0000-0000-4000-8000-000000000001', 'MENTAL_HEALTH', 'Mental health', 'Counselling and mental-health care.'),
    ('7a0c0001-0000-4000-8000-000000000007', '7a0c0000-0000-4000-8000-000000000001', 'CASE_MANAGEMENT', 'Case management', 'Comprehensive case management and victim services.'),
    ('7a0c0001-0000-4000-8000-000000000008', '7a0c0000-0000-4000-8000-000000000001', 'TRANSPORTATION', 'Transportation', 'Transport to safety or to services.'),
    ('7a0c0001-0000-4000-8000-000000000009', '7a0c0000-0000-4000-8000-000000000001', 'LAW_ENFORCEMENT', 'Law enforcement', 'Reporting to and help from law enforcement.'),
    ('7a0c0001-0000-4000-8000-00000000000a', '7a0c0000-0000-4000-8000-000000000001', 'DOMESTIC_VIOLENCE', 'Domestic violence', 'Help for victims of domestic violence.'),
    ('7a0c0001-0000-4000-8000-00000000000b', '7a0c0000-0000-4000-8000-000000000001', 'SEXUAL_ASSAULT', 'Sexual assault', 'Help for survivors of sexual assault.'),
    ('7a0c0001-0000-4000-8000-00000000000c', '7a0c0000-0000-4000-8000-000000000001', 'RUNAWAY_HOMELESS_YOUTH', 'Runaway and homeless youth', 'Help for runaway and homeless young people.'),
    ('7a0c0001-0000-4000-8000-00000000000d', '7a0c0000-0000-4000-8000-000000000001', 'MISSING_CHILD', 'Missing child', 'Missing children and child sexual exploitation.'),
    ('7a0c0001-0000-4000-8000-00000000000e', '7a0c0000-0000-4000-8000-000000000001', 'LABOR_RIGHTS', 'Labor rights', 'Workers'' rights and labour exploitation.'),
    ('7a0c0001-0000-4000-8000-00000000000f', '7a0c0000-0000-4000-8000-000000000001', 'TRAINING', 'Training', 'Training and technical assistance.'),
    ('7a0c0001-0000-4000-8000-000000000010', '7a0c0000-0000-4000-8000-000000000001', 'INFORMATION', 'Information', 'General information.'),
    ('7a0c0002-0000-4000-8000-000000000001', '7a0c0000-0000-4000-8000-000000000002', 'YOUTH', 'Youth only', 'Admits young people only.'),
    ('7a0c0002-0000-4000-8000-000000000002', '7a0c0000-0000-4000-8000-000000000002', 'LAW_ENFORCEMENT_ONLY', 'Law enforcement only', 'Admits law-enforcement referrals only.'),
    ('7a0c0003-0000-4000-8000-000000000001', '7a0c0000-0000-4000-8000-000000000003', 'law-enforcement-agency', 'Law-enforcement agency', 'The organisation is law enforcement.'),
    ('7a0c0003-0000-4000-8000-000000000002', '7a0c0000-0000-4000-8000-000000000003', 'emergency-dispatch', 'Emergency dispatch', 'An emergency number callers are told to dial (9-1-1), never a referral target.'),
    ('7a0c0003-0000-4000-8000-000000000003', '7a0c0000-0000-4000-8000-000000000003', 'last-verified-on', 'Last verified on', 'The date (YYYY-MM-DD) the hotline last verified the organisation''s details.'),
    ('7a0c0003-0000-4000-8000-000000000004', '7a0c0000-0000-4000-8000-000000000003', 'language', 'Language', 'A language (BCP 47 tag) the organisation works in.'),
    ('7a0c0003-0000-4000-8000-000000000005', '7a0c0000-0000-4000-8000-000000000003', 'time-zone', 'Time zone', 'The IANA time zone whose wall clock the hours follow, daylight saving included.'),
    ('7a0c0003-0000-4000-8000-000000000006', '7a0c0000-0000-4000-8000-000000000003', 'open-24-hours', 'Open 24 hours', 'The service answers around the clock, except on its closed dates.'),
    ('7a0c0003-0000-4000-8000-000000000007', '7a0c0000-0000-4000-8000-000000000003', 'closed-date', 'Closed date', 'A local date (YYYY-MM-DD) the service is closed.'),
    ('7a0c0003-0000-4000-8000-000000000008', '7a0c0000-0000-4000-8000-000000000003', 'area-national', 'Nationwide', 'The service covers the whole country.'),
    ('7a0c0003-0000-4000-8000-000000000009', '7a0c0000-0000-4000-8000-000000000003', 'area-state', 'State', 'The service covers a state (two-letter code).'),
    ('7a0c0003-0000-4000-8000-00000000000a', '7a0c0000-0000-4000-8000-000000000003', 'area-county', 'County', 'The service covers a county (STATE:County).'),
    ('7a0c0003-0000-4000-8000-00000000000b', '7a0c0000-0000-4000-8000-000000000003', 'area-postal-code', 'Postal code', 'The service covers a five-digit ZIP code.');

-- Organisations keep their row; audiences and languages become arrays, the services document becomes tables.
ALTER TABLE organization
    ADD COLUMN audience_list  TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN language_list  TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN service_names  TEXT   NOT NULL DEFAULT '';

CREATE TABLE service (
    id               UUID PRIMARY KEY,
    organization_id  UUID     NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    position         INT      NOT NULL CHECK (position >= 0),
    name             TEXT     NOT NULL CHECK (btrim(name) <> ''),
    time_zone        TEXT     NOT NULL,
    open_24h         BOOLEAN  NOT NULL,
    area_level       SMALLINT NOT NULL CHECK (area_level BETWEEN 0 AND 3),
    search_terms     TEXT[]   NOT NULL,
    organization_verified_on DATE
);
COMMENT ON COLUMN service.time_zone IS 'IANA zone of the service''s hours (America/New_York), never an offset.';
COMMENT ON COLUMN service.area_level IS
    'Most local kind of place the area lists: 0 counties or postal codes, 1 states, 2 national, 3 nothing.';
COMMENT ON COLUMN service.search_terms IS
    'Derived from the service''s needs and area and its organisation''s audiences, for one GIN lookup per search: '
    'N:<need>, US (national), S:<state>, C:<STATE:County>, Z:<postal code>, IN:<state of a listed county>, '
    'A:<audience admitted> (A:ALL when the organisation lists none).';
COMMENT ON COLUMN service.organization_verified_on IS
    'Copy of the organisation''s last_verified_on, so a search ranks from the service rows alone.';
CREATE INDEX service_organization ON service (organization_id);
CREATE INDEX service_search_terms ON service USING gin (search_terms);

-- A service's phone (at most one through the API; HSDS allows several). The service's hours are its phone's hours.
CREATE TABLE phone (
    id          UUID PRIMARY KEY,
    service_id  UUID NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    position    INT  NOT NULL,
    number      TEXT NOT NULL,
    UNIQUE (service_id, position)
);

-- Weekly opening spans on the wall clock of time_zone: a span starts on each of days at opens_at and ends at
-- closes_at the same day, or the next day when closes_at <= opens_at (equal = 24 hours).
CREATE TABLE schedule (
    id          UUID   PRIMARY KEY,
    service_id  UUID   NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    position    INT    NOT NULL,
    time_zone   TEXT   NOT NULL,
    days        TEXT[] NOT NULL CHECK (cardinality(days) BETWEEN 1 AND 7
                                       AND days <@ ARRAY['MON','TUE','WED','THU','FRI','SAT','SUN']),
    opens_at    TIME   NOT NULL,
    closes_at   TIME   NOT NULL,
    UNIQUE (service_id, position)
);
CREATE INDEX schedule_service ON schedule (service_id);

CREATE TABLE service_closed_date (
    service_id  UUID NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    closed_on   DATE NOT NULL,
    PRIMARY KEY (service_id, closed_on)
);

-- One row per place a service covers. code is the place as the API spells it (CA, CA:Santa Cruz, 95060; NULL for
-- NATIONAL); state is the state of a STATE or COUNTY row, so "serves somewhere in CA" is one index range.
CREATE TABLE service_area (
    id          UUID PRIMARY KEY,
    service_id  UUID NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    position    INT  NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('NATIONAL', 'STATE', 'COUNTY', 'POSTAL_CODE')),
    code        TEXT,
    state       TEXT,
    UNIQUE (service_id, position),
    CHECK ((kind = 'NATIONAL') = (code IS NULL)),
    CHECK ((kind IN ('STATE', 'COUNTY')) = (state IS NOT NULL))
);
CREATE INDEX service_area_code ON service_area (code, service_id) WHERE code IS NOT NULL;
CREATE INDEX service_area_state ON service_area (state, kind, service_id) WHERE state IS NOT NULL;
CREATE INDEX service_area_national ON service_area (service_id) WHERE kind = 'NATIONAL';

-- Needs a service covers: HSDS links a service to taxonomy terms; here the term of the needs taxonomy by its code.
CREATE TABLE service_need (
    service_id   UUID NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    need         TEXT NOT NULL,
    taxonomy_id  UUID NOT NULL DEFAULT '7a0c0000-0000-4000-8000-000000000001'
                 CHECK (taxonomy_id = '7a0c0000-0000-4000-8000-000000000001'),
    PRIMARY KEY (service_id, need),
    FOREIGN KEY (taxonomy_id, need) REFERENCES taxonomy_term (taxonomy_id, code)
);
CREATE INDEX service_need_need ON service_need (need, service_id);

-- Child rows have name-based ids (as Java's UUID.nameUUIDFromBytes): "<service id>/<table>/<position>", so an
-- unchanged service always exports the same HSDS ids.
CREATE FUNCTION pg_temp.child_id(service_id UUID, kind TEXT, pos BIGINT) RETURNS UUID LANGUAGE sql IMMUTABLE AS $$
    SELECT (substr(h, 1, 12) || '3' || substr(h, 14, 3)
            || to_hex((('x' || substr(h, 17, 1))::bit(4)::int & 3) | 8) || substr(h, 18, 15))::uuid
    FROM md5(service_id::text || '/' || kind || '/' || pos) AS h
$$;

UPDATE organization SET
    audience_list = ARRAY(SELECT a FROM jsonb_array_elements_text(audiences) WITH ORDINALITY AS x(a, i) ORDER BY i),
    language_list = ARRAY(SELECT l FROM jsonb_array_elements_text(languages) WITH ORDINALITY AS x(l, i) ORDER BY i),
    service_names = coalesce((SELECT string_agg(s ->> 'name', ' ' ORDER BY i)
                              FROM jsonb_array_elements(services) WITH ORDINALITY AS x(s, i)), '');

CREATE TEMPORARY TABLE v1_service ON COMMIT DROP AS
SELECT o.id AS organization_id, (x.i - 1)::int AS position, x.s, (x.s ->> 'id')::uuid AS id
FROM organization o, jsonb_array_elements(o.services) WITH ORDINALITY AS x(s, i);

INSERT INTO service (id, organization_id, position, name, time_zone, open_24h, area_level, search_terms,
                     organization_verified_on)
SELECT v.id, v.organization_id, v.position, s ->> 'name', s -> 'hours' ->> 'timeZone',
       coalesce((s -> 'hours' ->> 'open24h')::boolean, false),
       CASE WHEN jsonb_array_length(coalesce(s -> 'area' -> 'counties', '[]')) > 0
              OR jsonb_array_length(coalesce(s -> 'area' -> 'postalCodes', '[]')) > 0 THEN 0
            WHEN jsonb_array_length(coalesce(s -> 'area' -> 'states', '[]')) > 0 THEN 1
            WHEN coalesce((s -> 'area' ->> 'national')::boolean, false) THEN 2
            ELSE 3 END,
       '{}', o.last_verified_on
FROM v1_service v JOIN organization o ON o.id = v.organization_id;

INSERT INTO phone (id, service_id, position, number)
SELECT pg_temp.child_id(id, 'phone', 0), id, 0, s ->> 'phone'
FROM v1_service WHERE coalesce(s ->> 'phone', '') <> '';

INSERT INTO schedule (id, service_id, position, time_zone, days, opens_at, closes_at)
SELECT pg_temp.child_id(v.id, 'schedule', w.i - 1), v.id, (w.i - 1)::int, v.s -> 'hours' ->> 'timeZone',
       ARRAY(SELECT d FROM jsonb_array_elements_text(w.span -> 'days') WITH ORDINALITY AS y(d, j) ORDER BY j),
       (w.span ->> 'opens')::time, (w.span ->> 'closes')::time
FROM v1_service v, jsonb_array_elements(coalesce(v.s -> 'hours' -> 'weekly', '[]')) WITH ORDINALITY AS w(span, i);

INSERT INTO service_closed_date (service_id, closed_on)
SELECT DISTINCT v.id, d::date
FROM v1_service v, jsonb_array_elements_text(coalesce(v.s -> 'hours' -> 'closedDates', '[]')) AS d;

INSERT INTO service_need (service_id, need)
SELECT DISTINCT v.id, n
FROM v1_service v, jsonb_array_elements_text(v.s -> 'needs') AS n;

-- Area rows in the order the API lists them: national, states, counties, postal codes (each list sorted already).
INSERT INTO service_area (id, service_id, position, kind, code, state)
SELECT pg_temp.child_id(service_id, 'service_area', rn - 1), service_id, (rn - 1)::int, kind, code, state
FROM (SELECT service_id, kind, code, state,
             row_number() OVER (PARTITION BY service_id ORDER BY rank, i) AS rn
      FROM (SELECT id AS service_id, 'NATIONAL' AS kind, NULL AS code, NULL AS state, 0 AS rank, 0::bigint AS i
            FROM v1_service WHERE coalesce((s -> 'area' ->> 'national')::boolean, false)
            UNION ALL
            SELECT id, 'STATE', st, st, 1, j
            FROM v1_service, jsonb_array_elements_text(coalesce(s -> 'area' -> 'states', '[]')) WITH ORDINALITY AS y(st, j)
            UNION ALL
            SELECT id, 'COUNTY', c, split_part(c, ':', 1), 2, j
            FROM v1_service, jsonb_array_elements_text(coalesce(s -> 'area' -> 'counties', '[]')) WITH ORDINALITY AS y(c, j)
            UNION ALL
            SELECT id, 'POSTAL_CODE', p, NULL, 3, j
            FROM v1_service, jsonb_array_elements_text(coalesce(s -> 'area' -> 'postalCodes', '[]')) WITH ORDINALITY AS y(p, j)
           ) AS places
     ) AS ordered;

UPDATE service s SET search_terms = ARRAY(
    SELECT term FROM (
        SELECT 'N:' || n.need AS term FROM service_need n WHERE n.service_id = s.id
        UNION
        SELECT CASE a.kind WHEN 'NATIONAL' THEN 'US' WHEN 'STATE' THEN 'S:' || a.code
                           WHEN 'COUNTY' THEN 'C:' || a.code ELSE 'Z:' || a.code END
        FROM service_area a WHERE a.service_id = s.id
        UNION
        SELECT 'IN:' || a.state FROM service_area a WHERE a.service_id = s.id AND a.kind = 'COUNTY'
        UNION
        SELECT 'A:' || audience FROM organization o,
            unnest(CASE WHEN cardinality(o.audience_list) = 0 THEN ARRAY['ALL'] ELSE o.audience_list END) AS audience
        WHERE o.id = s.organization_id) AS terms
    ORDER BY term COLLATE "C");

ALTER TABLE organization DROP COLUMN services, DROP COLUMN audiences, DROP COLUMN languages;
ALTER TABLE organization RENAME COLUMN audience_list TO audiences;
ALTER TABLE organization RENAME COLUMN language_list TO languages;
ALTER TABLE organization ALTER COLUMN audiences DROP DEFAULT, ALTER COLUMN languages DROP DEFAULT,
    ALTER COLUMN service_names DROP DEFAULT;
ALTER TABLE organization ADD CONSTRAINT organization_audiences_known
    CHECK (audiences <@ ARRAY['YOUTH', 'LAW_ENFORCEMENT_ONLY']);

-- Full-text search over the name (weight A), the services' names (B) and the description (C).
ALTER TABLE organization ADD COLUMN search_vector TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('english', name), 'A')
    || setweight(to_tsvector('english', service_names), 'B')
    || setweight(to_tsvector('english', coalesce(description, '')), 'C')) STORED;
CREATE INDEX organization_search ON organization USING gin (search_vector);
-- Ranking without a place to compare with: the most local service first, then the most recently verified.
ALTER TABLE organization ADD COLUMN area_level SMALLINT NOT NULL DEFAULT 3 CHECK (area_level BETWEEN 0 AND 3);
COMMENT ON COLUMN organization.area_level IS 'The lowest area_level of its services (3 without services).';
UPDATE organization o SET area_level = coalesce((SELECT min(s.area_level) FROM service s WHERE s.organization_id = o.id), 3);
ALTER TABLE organization ALTER COLUMN area_level DROP DEFAULT;
CREATE INDEX organization_ranking ON organization (area_level, last_verified_on DESC NULLS LAST, id);
