package org.hotline.directory.repository;

import java.time.Instant;
import java.util.UUID;

/**
 * What an HSDS list asks for, AND-combined; null is not applied.
 *
 * @param search         full-text query over the organisation's names and description
 * @param condition      an SQL condition on service {@code s} and organisation {@code o} built by the caller from
 *                       fixed fragments (the taxonomy filters, {@code HsdsTermFilter}), or null; its value, if any,
 *                       is {@code :conditionValue}
 * @param conditionValue the value bound to {@code :conditionValue}, or null
 * @param organizationId the service's organisation
 * @param modifiedAfter  the organisation changed at or after this instant
 * @param postcode       a five-digit ZIP code: service_at_locations whose service's area covers it (national, or the
 *                       ZIP listed) or whose location is in it; with {@code proximityMeters}, instead those whose
 *                       location is within that distance of the postcode's centroid
 * @param proximityMeters meters from the postcode's centroid, or null
 * @param publicOnly     the public read: no confidential organisation or service, and confidential locations never
 *                       matched by place nor counted in a centroid
 */
public record HsdsQuery(String search, String condition, String conditionValue, UUID organizationId,
        Instant modifiedAfter, String postcode, Double proximityMeters, boolean publicOnly) {

    public static HsdsQuery everything(boolean publicOnly) {
        return new HsdsQuery(null, null, null, null, null, null, null, publicOnly);
    }
}
