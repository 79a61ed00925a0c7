package org.hotline.routing;

import java.util.Locale;
import java.util.Optional;

import org.hotline.contracts.events.Location;
import org.hotline.contracts.events.OrganizationUpserted;

/** How closely a service's area covers a contact's location; earlier constants are preferred (local first). */
public enum AreaLevel {
    LOCAL,
    STATE,
    NATIONAL;

    /** The most local way {@code area} covers {@code location}, or empty when it is out of area. */
    public static Optional<AreaLevel> of(OrganizationUpserted.Area area, Location location) {
        if (area == null) {
            return Optional.empty();
        }
        if (location != null) {
            String postal = postal5(location.postalCode());
            if (postal != null && area.postalCodes() != null
                    && area.postalCodes().stream().map(AreaLevel::postal5).anyMatch(postal::equals)) {
                return Optional.of(LOCAL);
            }
            String state = normalized(location.state());
            String county = normalized(location.county());
            if (state != null && county != null && area.counties() != null
                    && area.counties().stream().map(AreaLevel::normalized).anyMatch((state + ":" + county)::equals)) {
                return Optional.of(LOCAL);
            }
            if (state != null && area.states() != null
                    && area.states().stream().map(AreaLevel::normalized).anyMatch(state::equals)) {
                return Optional.of(STATE);
            }
        }
        return area.national() ? Optional.of(NATIONAL) : Optional.empty();
    }

    private static String postal5(String postalCode) {
        if (postalCode == null) {
            return null;
        }
        String trimmed = postalCode.trim();
        return trimmed.length() < 5 ? null : trimmed.substring(0, 5);
    }

    private static String normalized(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.trim().replaceAll("\\s*:\\s*", ":").toUpperCase(Locale.ROOT);
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
