-- The median time to first response of every period (D, W, M) and state, kept at write time beside the histogram it
-- is read from (issue 17, performance): a year of national days is 365 medians over some 38,000 quarter-hour buckets,
-- and a window over those buckets on every read cost more than the rest of the read together. The batch that adds to
-- a period's histogram recomputes that period's median in the same transaction (StatisticsCellRepository), so the
-- two never disagree; a histogram only grows, so a period with responses always has its row here. Partitioned by
-- generation like every table of the read model.
CREATE TABLE statistics_median (
    generation INT     NOT NULL,
    period     CHAR(1) NOT NULL CHECK (period IN ('D', 'W', 'M')),
    state      TEXT    NOT NULL,
    day        DATE    NOT NULL,
    -- how many responses the histogram holds, and the bucket of the middle one, (responses + 1) / 2
    responses  BIGINT  NOT NULL,
    bucket     INT     NOT NULL,
    PRIMARY KEY (generation, period, state, day)
) PARTITION BY LIST (generation);

-- The generations that take events get their partition, filled from their histograms.
DO $$
DECLARE
    g INT;
BEGIN
    FOR g IN SELECT id FROM statistics_generation WHERE status IN ('ACTIVE', 'BUILDING') LOOP
        EXECUTE format('CREATE TABLE statistics_median_g%s PARTITION OF statistics_median FOR VALUES IN (%s)', g, g);
    END LOOP;
END $$;

INSERT INTO statistics_median (generation, period, state, day, responses, bucket)
SELECT generation, period, state, day, responses, CAST(value AS int)
  FROM (SELECT c.generation, c.period, c.state, c.day, c.value, c.count,
               sum(c.count) OVER (PARTITION BY c.generation, c.period, c.state, c.day ORDER BY c.value
                                  ROWS UNBOUNDED PRECEDING) AS running,
               sum(c.count) OVER (PARTITION BY c.generation, c.period, c.state, c.day) AS responses
          FROM statistics_cell c
          JOIN statistics_generation g ON g.id = c.generation AND g.status IN ('ACTIVE', 'BUILDING')
         WHERE c.figure = 'firstResponseQuarterHours') h
 WHERE 2 * running >= responses + 1 AND 2 * (running - count) < responses + 1;
