-- Published statistics: a frozen snapshot of a period's figures, small counts already suppressed. The public reads
-- only these; the counts behind a suppressed cell are never stored here.
CREATE TABLE statistics_publication (
    id           UUID        PRIMARY KEY,
    title        TEXT        NOT NULL,
    from_day     DATE        NOT NULL,
    to_day       DATE        NOT NULL,
    granularity  TEXT        NOT NULL CHECK (granularity IN ('day', 'week', 'month')),
    threshold    INT         NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    published_by TEXT        NOT NULL,
    figures      TEXT        NOT NULL,
    CHECK (from_day <= to_day)
);
CREATE INDEX statistics_publication_latest ON statistics_publication (published_at DESC);
