-- What a partner reports after working a referral (the latest it recorded), for the statistics. The partner's note
-- is not kept here: routing holds no personal data.
ALTER TABLE referral ADD COLUMN outcome TEXT
    CHECK (outcome IN ('CONTACTED', 'SERVICES_PROVIDED', 'CASE_OPENED', 'UNABLE_TO_REACH', 'DECLINED'));
ALTER TABLE referral ADD COLUMN outcome_recorded_at TIMESTAMPTZ;
