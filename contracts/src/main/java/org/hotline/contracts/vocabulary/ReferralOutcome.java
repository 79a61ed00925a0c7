package org.hotline.contracts.vocabulary;

/** What a partner organisation reports after working a referral. */
public enum ReferralOutcome {
    CONTACTED,
    SERVICES_PROVIDED,
    CASE_OPENED,
    UNABLE_TO_REACH,
    DECLINED
}
