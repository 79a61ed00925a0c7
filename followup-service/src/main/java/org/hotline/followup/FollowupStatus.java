package org.hotline.followup;

/** Where a follow-up stands. */
public enum FollowupStatus {
    /** A staff reply is still owed. */
    OPEN,
    /** Staff replied; the follow-up is closed for good. */
    COMPLETED
}
