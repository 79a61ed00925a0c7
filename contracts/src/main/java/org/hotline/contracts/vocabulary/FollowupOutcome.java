package org.hotline.contracts.vocabulary;

/** What staff did about a follow-up when they completed it. */
public enum FollowupOutcome {
    /** Staff replied to the person. */
    RESPONDED,
    /** The person was referred on (to a partner, a service). */
    REFERRED,
    /** Staff tried and could not reach the person. */
    UNREACHABLE,
    /** Nothing was owed after all (e.g. a duplicate, or information only). */
    NO_ACTION_NEEDED
}
