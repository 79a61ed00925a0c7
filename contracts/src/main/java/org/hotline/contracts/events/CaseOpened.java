package org.hotline.contracts.events;

import java.time.Instant;

/** {@code hotline.case.opened}: staff opened a case from a signal (a call or a tip). */
public record CaseOpened(String caseReference, Instant openedAt, CaseFacts facts) {
}
