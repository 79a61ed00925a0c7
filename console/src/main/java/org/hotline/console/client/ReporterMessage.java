package org.hotline.console.client;

import java.time.Instant;

/** Text an anonymous reporter added to their tip, opened by intake (and audited there). */
public record ReporterMessage(Instant receivedAt, String text) {

    @Override
    public String toString() {
        return "ReporterMessage[" + receivedAt + ", text redacted]";
    }
}
