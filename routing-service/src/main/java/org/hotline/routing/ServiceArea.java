package org.hotline.routing;

import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.hotline.contracts.events.OrganizationUpserted;

/**
 * Where a service works, in the keys of {@link Place} (postal codes cut to five characters, counties as
 * {@code "STATE:COUNTY"}, states, upper case), so matching a contact's place is a few set look-ups.
 */
public record ServiceArea(boolean national, Set<String> states, Set<String> counties, Set<String> postalCodes) {

    static final ServiceArea NONE = new ServiceArea(false, Set.of(), Set.of(), Set.of());

    static ServiceArea of(OrganizationUpserted.Area area, Canonical canonical) {
        if (area == null) {
            return NONE;
        }
        return canonical.of(new ServiceArea(area.national(), keys(area.states(), Place::normalized, canonical),
                keys(area.counties(), Place::normalized, canonical),
                keys(area.postalCodes(), Place::postal5, canonical)));
    }

    /** The most local way this area covers {@code place}, or null when the place is out of area. */
    public AreaLevel levelFor(Place place) {
        if (place.postalCode() != null && postalCodes.contains(place.postalCode())) {
            return AreaLevel.LOCAL;
        }
        if (place.county() != null && counties.contains(place.county())) {
            return AreaLevel.LOCAL;
        }
        if (place.state() != null && states.contains(place.state())) {
            return AreaLevel.STATE;
        }
        return national ? AreaLevel.NATIONAL : null;
    }

    private static Set<String> keys(Set<String> values, UnaryOperator<String> key, Canonical canonical) {
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        return canonical.of(values.stream().map(key).filter(Objects::nonNull).map(canonical::of)
                .collect(Collectors.toUnmodifiableSet()));
    }
}
