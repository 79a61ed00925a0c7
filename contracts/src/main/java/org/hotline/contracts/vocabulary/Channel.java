package org.hotline.contracts.vocabulary;

/** How a contact reached the hotline. */
public enum Channel {
    PHONE,
    WEB_FORM,
    EMAIL,
    TEXT,
    CHAT
}
