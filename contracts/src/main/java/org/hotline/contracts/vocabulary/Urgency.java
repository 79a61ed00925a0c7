package org.hotline.contracts.vocabulary;

/** Whether a contact needs action now. */
public enum Urgency {
    URGENT,
    NON_URGENT
}
