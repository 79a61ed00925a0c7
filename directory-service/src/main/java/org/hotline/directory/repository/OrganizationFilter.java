package org.hotline.directory.repository;

import java.time.Instant;

import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.Need;

/**
 * What a search asks for; every criterion given must hold (AND), a {@code null} one is not applied.
 *
 * <p>{@code need}, the place ({@code state}, {@code county}, {@code postalCode}) and {@code openAt} apply to one and
 * the same service of the organisation. The place parameters together describe one place, the caller's: a service
 * covers it when it is national, or lists the place's state, county or postal code. With a state alone, a service
 * listing one of its counties counts too ("serves somewhere in the state"). {@code audience} and {@code q} apply to
 * the organisation.
 *
 * @param need       the service covers this need
 * @param state      two-letter state code; implied by {@code county} when only that is given
 * @param county     {@code STATE:County}, in {@code state} when both are given
 * @param postalCode five-digit ZIP code
 * @param openAt     the service is open at this instant, on the wall clock of its own time zone
 * @param audience   the organisation admits this audience: it lists it, or lists no audience at all
 * @param q          full-text query over the names and description
 */
public record OrganizationFilter(Need need, String state, String county, String postalCode, Instant openAt,
        Audience audience, String q) {

    public static final OrganizationFilter NONE = new OrganizationFilter(null, null, null, null, null, null, null);

    public boolean hasPlace() {
        return state != null || county != null || postalCode != null;
    }

    /** The state of the place: the {@code state} parameter, or the state part of {@code county}. */
    public String placeState() {
        if (state != null) {
            return state;
        }
        return county == null ? null : county.substring(0, county.indexOf(':'));
    }

    /** Whether no criterion applies at all: every organisation matches. */
    public boolean isEmpty() {
        return !constrainsServices() && audience == null && q == null;
    }

    /** Whether any criterion applies to services (rather than to the organisation itself). */
    public boolean constrainsServices() {
        return need != null || hasPlace() || openAt != null;
    }
}
