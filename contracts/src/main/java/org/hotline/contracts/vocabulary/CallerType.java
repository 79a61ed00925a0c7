package org.hotline.contracts.vocabulary;

/** Who is calling or reporting. */
public enum CallerType {
    POTENTIAL_VICTIM,
    COMMUNITY_MEMBER,
    LAW_ENFORCEMENT,
    MEDICAL_PROFESSIONAL,
    LEGAL_PROFESSIONAL,
    SERVICE_PROVIDER,
    RESEARCHER,
    STUDENT,
    POLICY_MAKER,
    OTHER
}
