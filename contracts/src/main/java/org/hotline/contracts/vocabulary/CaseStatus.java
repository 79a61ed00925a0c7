package org.hotline.contracts.vocabulary;

/** Where a case stands. A closed case carries a {@link CaseCloseReason}. */
public enum CaseStatus {
    OPEN,
    MONITORING,
    REFERRED,
    CLOSED
}
