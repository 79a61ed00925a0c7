package org.hotline.contracts.vocabulary;

/** The kind of trafficking a contact describes. */
public enum TraffickingType {
    SEX,
    LABOR,
    SEX_AND_LABOR,
    UNKNOWN
}
