-- Case suggestions weigh a text similarity only when both texts are long enough for MinHash's estimate to mean
-- something (two one-line tips of the same two words are "identical" and say nothing): the number of distinct word
-- shingles the signature was made of. NULL for signatures stored before this column (treated as long enough, as
-- they were before).
ALTER TABLE signal_minhash ADD COLUMN shingles SMALLINT CHECK (shingles IS NULL OR shingles > 0);

-- The place-and-type look-up reads the signals of one type in one county within the time window, newest first, and
-- stops at a bound: signal_index_lookup (kind, key_id, mac, received_at DESC) already serves it as a range scan.
-- What it joins per row is by primary key: case_signal (contact_id), case_file (id), signal_minhash (contact_id).
