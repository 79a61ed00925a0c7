package org.hotline.contracts.vocabulary;

/** Facts that raise urgency or trigger mandated reporting. */
public enum Indicator {
    IMMINENT_DANGER,
    MINOR_INVOLVED,
    MEDICAL_EMERGENCY,
    NEEDS_WITHIN_24H,
    VICTIM_IN_SITUATION,
    WEAPONS_OR_THREATS
}
