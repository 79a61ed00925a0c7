package org.hotline.contracts.vocabulary;

/**
 * Whom a resource of the library is written for. Not {@link Audience}: that vocabulary says whom an organisation
 * admits, and each of its values is an admission rule of routing and a term of the directory's taxonomy; a reader of a
 * fact sheet is admitted nowhere. Routing matches a contact's {@link CallerType} to these values; {@link #PUBLIC}
 * material suits every caller.
 */
public enum ResourceAudience {
    PUBLIC,
    SERVICE_PROVIDER,
    LAW_ENFORCEMENT,
    MEDICAL,
    LEGAL,
    EDUCATOR,
    SURVIVOR
}
