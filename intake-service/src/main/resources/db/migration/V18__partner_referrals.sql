-- Which partner organisation each contact was referred to, from routing's hotline.referral.issued events (consumer
-- intake-referrals, applied once through the inbox), so a partner can open the contact details of its own referrals
-- where the reporter consented. No personal data: ids, the law-enforcement flag and the consent basis routing used.
-- No foreign key to contact: an event may name a contact this environment does not hold, and is then never served.
CREATE TABLE contact_referral (
    referral_id     UUID PRIMARY KEY,
    reference       TEXT        NOT NULL,
    organization_id UUID        NOT NULL,
    law_enforcement BOOLEAN     NOT NULL,
    consent_basis   TEXT        NOT NULL,
    issued_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX contact_referral_reference ON contact_referral (reference);

-- The caller's consent to their details (description or summary, callback) going to the service providers they are
-- referred to. Law-enforcement referrals keep their own consent (consent_to_law_enforcement).
ALTER TABLE contact ADD COLUMN consent_to_share_with_partners BOOLEAN NOT NULL DEFAULT false;
