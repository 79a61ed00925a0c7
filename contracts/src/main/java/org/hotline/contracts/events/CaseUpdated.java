package org.hotline.contracts.events;

import java.time.Instant;

/**
 * {@code hotline.case.updated}: something about an open case changed; {@code change} says what (e.g.
 * {@code SIGNAL_LINKED}, {@code ASSIGNED}, {@code MERGED_IN}, {@code REFERRAL_OUTCOME}); {@code facts} is the case
 * after it.
 */
public record CaseUpdated(String caseReference, Instant updatedAt, String change, CaseFacts facts) {
}
