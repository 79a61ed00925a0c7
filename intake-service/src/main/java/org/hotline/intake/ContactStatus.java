package org.hotline.intake;

/** Where a contact stands in intake. */
public enum ContactStatus {
    /** Stored, and its event is in the outbox on its way to routing. */
    RECEIVED,
    /** Staff closed it; its personal data is shredded once the retention period has passed. */
    CLOSED
}
