package org.hotline.console.client;

/** Body {@code {text}} of a note or a reply. */
public record TextBody(String text) {

    @Override
    public String toString() {
        return "TextBody[redacted]";
    }
}
