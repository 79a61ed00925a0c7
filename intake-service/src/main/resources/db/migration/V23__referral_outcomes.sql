-- The latest outcome a partner reported on a referral (hotline.referral.outcome-recorded; a later one wins), shown
-- on the case of the referred signal and counted as victims identified / served.
ALTER TABLE contact_referral ADD COLUMN outcome TEXT;
ALTER TABLE contact_referral ADD COLUMN outcome_at TIMESTAMPTZ;
