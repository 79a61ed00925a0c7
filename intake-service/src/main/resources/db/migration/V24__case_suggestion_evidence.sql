-- Case suggestions weigh a text similarity only when both texts are long enough for MinHash's estimate to mean
-- something (two one-line tips of the same two words are "identical" and say nothing): the number of distinct word
-- shingles the signature was made of. NULL for signatures stored before this column (treated as long enough, as
-- they were before).
ALTER TABLE signal_minhash ADD COLUMN shingles SMALLINT CHECK (shingles IS NULL OR shingles > 0);

