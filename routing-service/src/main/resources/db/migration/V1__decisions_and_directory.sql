-- One routing decision per contact reference; its referrals and the rules that fired are kept as documents
-- because they are read whole, as the decision explains itself.
CREATE TABLE decision (
    id                       UUID PRIMARY KEY,
    reference                TEXT        NOT NULL UNIQUE,
    contact_kind             TEXT        NOT NULL,
    call_type                TEXT        NOT NULL,
    channel                  TEXT        NOT NULL,
    received_at              TIMESTAMPTZ NOT NULL,
    follow_up_requested      BOOLEAN     NOT NULL,
    urgency                  TEXT        NOT NULL,
    handling                 TEXT        NOT NULL,
    emergency_advised        BOOLEAN     NOT NULL,
    law_enforcement_referral BOOLEAN     NOT NULL,
    referrals                JSONB       NOT NULL,
    rules                    JSONB       NOT NULL,
    decided_at               TIMESTAMPTZ NOT NULL
);

-- Read model of the directory, replaced record by record from the compacted organisations topic.
CREATE TABLE directory_organization (
    id          UUID PRIMARY KEY,
    name        TEXT        NOT NULL,
    version     BIGINT      NOT NULL,
    document    JSONB       NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
