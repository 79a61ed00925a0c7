-- The Polaris typology (contracts' Typology, 25 types) of a call or a tip, optional beside trafficking_type.
ALTER TABLE contact ADD COLUMN typology TEXT;

-- What lets intake find the cases a new signal may belong to without ever decrypting: computed at submission, where
-- the plaintext is open anyway, and stored instead of the value.
--   kind PHONE / EMAIL / VENUE: a blind index, HMAC-SHA-256 of the normalised value under a key derived (HKDF) from
--     key-encryption key key_id with the purpose 'blind-index'; equal values give equal MACs only under one key.
--   kind PLACE_TYPE: the same of the county (else city), the state and the Polaris type (no secret; hashed only to
--     share the index), so the newest signals of one type in one county are one indexed lookup.
-- Never the value itself. Shredding a contact deletes its rows (RetentionPurge), like its data key.
CREATE TABLE signal_index (
    contact_id UUID     NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    kind       TEXT     NOT NULL CHECK (kind IN ('PHONE', 'EMAIL', 'VENUE', 'PLACE_TYPE')),
    key_id     TEXT     NOT NULL,
    mac        BYTEA    NOT NULL,
    -- The signal's time, copied so that a lookup takes the newest matches straight from the index.
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (contact_id, kind, key_id, mac)
);
-- The lookup: the newest contacts with the same MAC of the same kind.
CREATE INDEX signal_index_lookup ON signal_index (kind, key_id, mac, received_at DESC);

-- The description's text fingerprint: a MinHash signature of its word shingles (each shingle hashed with a key
-- derived from key_id, purpose 'minhash', so the signature cannot be tested against guessed phrases without the key),
-- and its locality-sensitive bands: signals whose signatures agree on a whole band are candidates, found by an
-- indexed equality instead of comparing with every case.
CREATE TABLE signal_minhash (
    contact_id UUID PRIMARY KEY REFERENCES contact (id) ON DELETE CASCADE,
    key_id     TEXT  NOT NULL,
    signature  BYTEA NOT NULL
);
CREATE TABLE signal_minhash_band (
    contact_id UUID     NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    key_id     TEXT     NOT NULL,
    band       SMALLINT NOT NULL,
    hash       BIGINT   NOT NULL,
    PRIMARY KEY (contact_id, band)
);
CREATE INDEX signal_minhash_band_lookup ON signal_minhash_band (band, hash, key_id);
