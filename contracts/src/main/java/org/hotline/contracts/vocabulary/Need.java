package org.hotline.contracts.vocabulary;

/** What a contact needs; organisations' services cover needs. */
public enum Need {
    EMERGENCY_SHELTER,
    SHELTER,
    LEGAL,
    IMMIGRATION,
    MEDICAL,
    MENTAL_HEALTH,
    CASE_MANAGEMENT,
    TRANSPORTATION,
    LAW_ENFORCEMENT,
    DOMESTIC_VIOLENCE,
    SEXUAL_ASSAULT,
    RUNAWAY_HOMELESS_YOUTH,
    MISSING_CHILD,
    LABOR_RIGHTS,
    TRAINING,
    INFORMATION
}
