package org.hotline.contracts.vocabulary;

/** Why a case was closed; {@link #MERGED} names the surviving case in the event. */
public enum CaseCloseReason {
    RESOLVED,
    SERVICES_PROVIDED,
    NO_TRAFFICKING_INDICATED,
    UNABLE_TO_PROCEED,
    DUPLICATE,
    MERGED
}
