-- The MinHash band look-up as one index scan over a list of hashes (hash = ANY(the new signal's 16 band hashes))
-- instead of 16 OR-ed (band, hash) equalities, which took milliseconds to plan. Each band's hash is seeded with its
-- position (MinHash.bands), so an equal hash is the same band of both signatures and the band need not lead the
-- index; the contact id is carried in the index so the look-up reads no table page.
DROP INDEX signal_minhash_band_lookup;
CREATE INDEX signal_minhash_band_hash ON signal_minhash_band (hash, key_id) INCLUDE (contact_id);
