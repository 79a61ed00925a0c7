package org.hotline.contracts.vocabulary;

/** Who is calling or reporting. */
public enum CallerType {
    POTENTIAL_VICTIM,
    COMMUNITY_MEMBER,
    /** A parent, relative or guardian calling about someone in their family. */
    FAMILY_MEMBER,
    LAW_ENFORCEMENT,
    MEDICAL_PROFESSIONAL,
    LEGAL_PROFESSIONAL,
    SERVICE_PROVIDER,
    RESEARCHER,
    STUDENT,
    POLICY_MAKER,
    OTHER
}
