-- The optional age band of the person a call or tip is about (UNDER_12, 12_17, 18_24, ADULT, UNKNOWN), carried on
-- hotline.call.received / hotline.tip.received for routing's audience rules.
ALTER TABLE contact ADD COLUMN age_band TEXT;
