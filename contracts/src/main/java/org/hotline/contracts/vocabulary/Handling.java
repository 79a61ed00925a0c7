package org.hotline.contracts.vocabulary;

/** How a contact is handled: urgent at any hour, non-urgent inside the business window, or as a message taken outside it. */
public enum Handling {
    IMMEDIATE,
    IN_HOURS,
    MESSAGE_TAKEN
}
