package org.hotline.contracts.vocabulary;

/**
 * Whom an organisation serves; an organisation without audiences serves everyone. Which contacts each audience
 * admits is routing's configuration ({@code hotline.routing.audiences}), not code: the need itself, the caller type,
 * the age band and the indicators of a contact admit it.
 */
public enum Audience {
    /** Young people, up to the age the audience's rule admits (e.g. 24 for a runaway and homeless youth line). */
    YOUTH,
    /** Parents, families and other concerned adults calling about a young person. */
    FAMILIES_OF_YOUTH,
    /** Only law enforcement: a line for officers, or one that takes only law-enforcement referrals. */
    LAW_ENFORCEMENT_ONLY,
    /** Survivors of domestic or intimate-partner violence. */
    SURVIVORS_OF_DOMESTIC_VIOLENCE,
    /** Survivors of sexual violence. */
    SURVIVORS_OF_SEXUAL_VIOLENCE
}
