-- Routing's read model of the business calendar's operator closures, fed by the compacted hotline.calendar.closures.v1
-- (follow-up owns them). Wall-clock times in the business window's zone, [starts_at, ends_at), as entered.
CREATE TABLE calendar_closure (
    id        UUID PRIMARY KEY,
    starts_at TIMESTAMP   NOT NULL,
    ends_at   TIMESTAMP   NOT NULL,
    reason    TEXT        NOT NULL,
    added_at  TIMESTAMPTZ NOT NULL,
    CHECK (starts_at < ends_at)
);
