package org.hotline.contracts.events;

import java.time.Instant;

import org.hotline.contracts.vocabulary.CaseCloseReason;

/**
 * {@code hotline.case.closed}: a case was closed with a reason; a case merged into another is closed with reason
 * {@code MERGED} and {@code mergedInto} the surviving case's reference (its signals moved there).
 */
public record CaseClosed(String caseReference, Instant closedAt, CaseCloseReason reason, String mergedInto,
        CaseFacts facts) {
}
