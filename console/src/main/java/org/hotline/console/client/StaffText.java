package org.hotline.console.client;

import java.time.Instant;

/** A staff note or a reply to the reporter as intake answers it: {@code {author, createdAt, text}}. */
public record StaffText(String author, Instant createdAt, String text) {

    @Override
    public String toString() {
        return "StaffText[" + author + ", " + createdAt + ", text redacted]";
    }
}
