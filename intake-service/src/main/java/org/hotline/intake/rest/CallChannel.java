package org.hotline.intake.rest;

import org.hotline.contracts.vocabulary.Channel;

/** The channels a phone agent logs a contact from: every channel but the public web form, which files tips itself. */
public enum CallChannel {
    PHONE,
    EMAIL,
    TEXT,
    CHAT;

    public Channel toChannel() {
        return Channel.valueOf(name());
    }
}
