package org.hotline.contracts.vocabulary;

/** What kind of material a resource of the library is. */
public enum ResourceKind {
    FACT_SHEET,
    TRAINING,
    TOOLKIT,
    /** A wallet card or poster with the numbers to call. */
    HOTLINE_CARD,
    LEGAL_GUIDE,
    VIDEO
}
