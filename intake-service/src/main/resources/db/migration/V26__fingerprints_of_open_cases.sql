-- The look-ups for case suggestions need only the signals that belong to an open case, and most signals never
-- belong to one. Without a mark, the same text or phone repeated by many unlinked tips (a copied message, a spammer,
-- a load test) made every new submission walk all of them before the join to case_signal threw them away: a
-- quadratic cost on the public's path. Each fingerprint row now says whether its signal is in an open case (kept by
-- CaseWork in the transaction that links, unlinks or closes), and the look-up indexes hold only those rows.
ALTER TABLE signal_index ADD COLUMN in_open_case BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE signal_minhash_band ADD COLUMN in_open_case BOOLEAN NOT NULL DEFAULT false;

UPDATE signal_index i SET in_open_case = true
FROM case_signal s JOIN case_file c ON c.id = s.case_id AND c.status <> 'CLOSED'
WHERE s.contact_id = i.contact_id;
UPDATE signal_minhash_band b SET in_open_case = true
FROM case_signal s JOIN case_file c ON c.id = s.case_id AND c.status <> 'CLOSED'
WHERE s.contact_id = b.contact_id;

DROP INDEX signal_index_lookup;
CREATE INDEX signal_index_open_case_lookup ON signal_index (kind, key_id, mac, received_at DESC) WHERE in_open_case;
DROP INDEX signal_minhash_band_hash;
CREATE INDEX signal_minhash_band_open_case_hash ON signal_minhash_band (hash, key_id) INCLUDE (contact_id)
    WHERE in_open_case;
