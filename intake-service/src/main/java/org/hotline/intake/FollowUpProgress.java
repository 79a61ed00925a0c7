package org.hotline.intake;

/** What intake knows of a contact's follow-up from followup-service's events: scheduled and still open, or done. */
public enum FollowUpProgress {
    OPEN,
    COMPLETED
}
