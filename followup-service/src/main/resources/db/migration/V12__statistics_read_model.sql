-- Statistics: a read model built only from the event topics (DESIGN §9), never from another service's tables.
-- Everything is kept per generation: generation 1 is fed from the start; a rebuild fills a fresh generation from the
-- topics' beginning beside the live one and then swaps. Each generation's rows live in partitions of their own
-- (statistics_*_g<N>), so a retired generation is dropped as whole tables, not deleted row by row.
CREATE TABLE statistics_generation (
    id           INT         PRIMARY KEY,
    status       TEXT        NOT NULL CHECK (status IN ('BUILDING', 'ACTIVE', 'RETIRED', 'FAILED')),
    started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at  TIMESTAMPTZ,
    events_read  BIGINT      NOT NULL DEFAULT 0,
    events_skipped BIGINT    NOT NULL DEFAULT 0,
    requested_by TEXT
);
-- At most one generation answers queries, and at most one is being built.
CREATE UNIQUE INDEX statistics_generation_one_active ON statistics_generation (status) WHERE status = 'ACTIVE';
CREATE UNIQUE INDEX statistics_generation_one_building ON statistics_generation (status) WHERE status = 'BUILDING';
INSERT INTO statistics_generation (id, status, finished_at) VALUES (1, 'ACTIVE', now());

-- Pre-aggregated counters: one row per period (D = a day, M = a calendar month, day = its first day; in the business
-- calendar's zone) x state (two letters, UNKNOWN, or * for every state together) x figure x value.
CREATE TABLE statistics_cell (
    generation INT    NOT NULL,
    period     CHAR(1) NOT NULL CHECK (period IN ('D', 'M')),
    state      TEXT   NOT NULL,
    day        DATE   NOT NULL,
    figure     TEXT   NOT NULL,
    value      TEXT   NOT NULL,
    count      BIGINT NOT NULL,
    PRIMARY KEY (generation, period, state, day, figure, value)
) PARTITION BY LIST (generation);
CREATE TABLE statistics_cell_g1 PARTITION OF statistics_cell FOR VALUES IN (1);

-- What later events need to be counted where: the state of each contact (from its call or tip), the need and state
-- of each referral, the contact and deadlines of each follow-up.
CREATE TABLE statistics_contact (
    generation INT  NOT NULL,
    reference  TEXT NOT NULL,
    state      TEXT NOT NULL,
    -- set by the contact's first routing decision, so a re-decision does not count its urgency again
    urgency_counted BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (generation, reference)
) PARTITION BY LIST (generation);
CREATE TABLE statistics_contact_g1 PARTITION OF statistics_contact FOR VALUES IN (1);

CREATE TABLE statistics_referral (
    generation  INT  NOT NULL,
    referral_id UUID NOT NULL,
    need        TEXT NOT NULL,
    state       TEXT NOT NULL,
    PRIMARY KEY (generation, referral_id)
) PARTITION BY LIST (generation);
CREATE TABLE statistics_referral_g1 PARTITION OF statistics_referral FOR VALUES IN (1);

CREATE TABLE statistics_followup (
    generation      INT         NOT NULL,
    followup_id     UUID        NOT NULL,
    reference       TEXT        NOT NULL,
    clock_starts_at TIMESTAMPTZ NOT NULL,
    target_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (generation, followup_id)
) PARTITION BY LIST (generation);
CREATE TABLE statistics_followup_g1 PARTITION OF statistics_followup FOR VALUES IN (1);

-- Events that arrived before what they are counted by (topics are read independently: a referral's acknowledgement
-- can be read before its issue). Each waits under the key it needs (contact:<reference>, referral:<id>,
-- followup:<id>) and is counted when that arrives. Events carry no personal data.
CREATE TABLE statistics_parked_event (
    generation INT         NOT NULL,
    waits_for  TEXT        NOT NULL,
    event_id   UUID        NOT NULL,
    event_type TEXT        NOT NULL,
    payload    TEXT        NOT NULL,
    parked_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (generation, waits_for, event_id)
) PARTITION BY LIST (generation);
CREATE TABLE statistics_parked_event_g1 PARTITION OF statistics_parked_event FOR VALUES IN (1);
