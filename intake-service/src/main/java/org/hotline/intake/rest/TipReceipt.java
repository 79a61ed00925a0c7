package org.hotline.intake.rest;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Answer to a tip submission: the reference to quote, and for anonymous reporters a follow-up code. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TipReceipt(String reference, Instant receivedAt, String status, String followUpCode) {
}
