package org.hotline.contracts.vocabulary;

/** Who a service admits; a service without audiences admits everyone. */
public enum Audience {
    YOUTH,
    LAW_ENFORCEMENT_ONLY
}
