package org.hotline.contracts.vocabulary;

/**
 * Why a referral may be made: it does not go to law enforcement, the reporter consented, or an override that allows a
 * law-enforcement referral without consent (mandated reporting for a minor, someone in imminent danger).
 */
public enum ConsentBasis {
    NOT_LAW_ENFORCEMENT,
    REPORTER_CONSENT,
    MINOR_INVOLVED,
    IMMINENT_DANGER
}
