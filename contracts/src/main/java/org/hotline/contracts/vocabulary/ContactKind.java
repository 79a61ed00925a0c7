package org.hotline.contracts.vocabulary;

/** Whether a contact came in as a logged call or a submitted tip. */
public enum ContactKind {
    CALL,
    TIP
}
