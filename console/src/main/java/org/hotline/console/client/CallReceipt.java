package org.hotline.console.client;

import java.time.Instant;

/** intake's answer to a logged call. */
public record CallReceipt(String reference, Instant receivedAt, String status) {
}
