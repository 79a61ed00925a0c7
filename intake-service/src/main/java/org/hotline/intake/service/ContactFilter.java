package org.hotline.intake.service;

import java.time.Instant;

import org.hotline.contracts.vocabulary.CallType;
import org.hotline.intake.ContactStatus;
import org.hotline.contracts.vocabulary.Urgency;

/**
 * What the staff list is narrowed to; every part optional (null = any). {@code receivedFrom} is inclusive,
 * {@code receivedBefore} exclusive. {@code referencePrefix} is upper case, as references are.
 */
public record ContactFilter(String referencePrefix, ContactStatus status, CallType callType, Urgency urgency,
        String state, Instant receivedFrom, Instant receivedBefore, Boolean hasOpenFollowUp) {
}
