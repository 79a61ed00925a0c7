-- What the public HSDS read (/api/v1/public/hsds) must never show, and where a service is.
-- An organisation or a service marked confidential (a shelter whose existence is not published, a line for law
-- enforcement only) is left out of the public read; an organisation admitting LAW_ENFORCEMENT_ONLY is confidential by
-- rule whatever this says (the read checks both). Staff reads show everything.
ALTER TABLE organization ADD COLUMN confidential BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE service ADD COLUMN confidential BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE organization ALTER COLUMN confidential DROP DEFAULT;
ALTER TABLE service ALTER COLUMN confidential DROP DEFAULT;

-- The places a service is delivered at (HSDS location + address, linked by service_at_location). A location belongs
-- to one service: its id and its service_at_location's (kept, as the HSDS read looks it up) are derived from the service id and position like the other
-- child rows. A confidential location (an undisclosed shelter address) is in the public read without its address or
-- coordinates and is never matched there by postcode or proximity. Coordinates are optional (WGS 84 degrees): a
-- location without them is never within any proximity, and does not count towards a postcode's centroid.
CREATE TABLE service_location (
    id              UUID    PRIMARY KEY,
    service_at_location_id UUID NOT NULL UNIQUE,
    service_id      UUID    NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    position        INT     NOT NULL CHECK (position >= 0),
    name            TEXT,
    address_1       TEXT    NOT NULL CHECK (btrim(address_1) <> ''),
    city            TEXT    NOT NULL CHECK (btrim(city) <> ''),
    state_province  TEXT    NOT NULL CHECK (state_province ~ '^[A-Z]{2}$'),
    postal_code     TEXT    NOT NULL CHECK (postal_code ~ '^[0-9]{5}$'),
    country         TEXT    NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    latitude        DOUBLE PRECISION CHECK (latitude BETWEEN -90 AND 90),
    longitude       DOUBLE PRECISION CHECK (longitude BETWEEN -180 AND 180),
    confidential    BOOLEAN NOT NULL,
    UNIQUE (service_id, position),
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX service_location_service ON service_location (service_id);
CREATE INDEX service_location_postal_code ON service_location (postal_code, service_id);
-- The HSDS read pages and streams services and organisations by id, and syncs by modification time.
CREATE INDEX organization_updated_at ON organization (updated_at, id);
