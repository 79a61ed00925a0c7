package org.hotline.intake.service;

import java.time.Instant;

import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Urgency;

/**
 * A contact in the staff list: facts only, no personal data (those are opened, and audited, on the detail).
 * {@code urgency} is null until routing decided; {@code state} is the location's two-letter state, if known.
 */
public record ContactSummary(String reference, ContactKind kind, Channel channel, CallType callType, String status,
        Urgency urgency, String state, Instant receivedAt, boolean hasOpenFollowUp) {
}
