package org.hotline.contracts.vocabulary;

/** The six call types of the national hotline. */
public enum CallType {
    CRISIS,
    TIP,
    TRAINING_TA,
    REFERRAL_REQUEST,
    GENERAL_INFO,
    RELATED
}
