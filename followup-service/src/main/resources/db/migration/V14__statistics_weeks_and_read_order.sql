-- Statistics reads at a year's size (issue 17, performance).
--
-- 1. Weeks are kept at write time like months: period W, day = the ISO week's Monday. A week used to be summed from
--    its days on every read (a year by week re-aggregated every day row of the year). The existing generations get
--    their week rows from their day rows here, so nothing needs a rebuild.
ALTER TABLE statistics_cell DROP CONSTRAINT statistics_cell_period_check;
ALTER TABLE statistics_cell ADD CONSTRAINT statistics_cell_period_check CHECK (period IN ('D', 'W', 'M'));
INSERT INTO statistics_cell (generation, period, state, day, figure, value, count)
SELECT generation, 'W', state, CAST(date_trunc('week', day) AS date), figure, value, sum(count)
  FROM statistics_cell
 WHERE period = 'D'
 GROUP BY generation, state, CAST(date_trunc('week', day) AS date), figure, value;

-- 2. The first-response histogram's buckets are written with three digits ('000' to '800'), so that their text order
--    is their numeric order: the index then hands each period's buckets to the median's running count in order, with
--    no sort (the values are never shown: only the median read from them is).
UPDATE statistics_cell SET value = lpad(value, 3, '0') WHERE figure = 'firstResponseQuarterHours';

-- 3. The key puts the figure before the day, and carries the count: a report reads each shown figure's days as one
--    contiguous index range (figure = ANY(...) AND day BETWEEN ...) and the histogram as another one, from the index
--    alone (its median is computed in PostgreSQL). With the day first, the histogram's quarter-hour rows (most of a
--    day's rows nationally) were interleaved with every other figure's and read from the table with them. The upsert's
--    conflict target is the same set of columns, in any order.
ALTER TABLE statistics_cell DROP CONSTRAINT statistics_cell_pkey;
ALTER TABLE statistics_cell ADD PRIMARY KEY (generation, period, state, figure, day, value) INCLUDE (count);
