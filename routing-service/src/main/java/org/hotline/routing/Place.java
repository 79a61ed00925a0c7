package org.hotline.routing;

import java.util.Locale;
import java.util.regex.Pattern;

import org.hotline.contracts.events.Location;

/**
 * A contact's location in the form the directory is indexed by: the first five characters of the postal code (so
 * ZIP+4 works), {@code "STATE:COUNTY"} and the state, trimmed and upper case; each null when unknown.
 */
public record Place(String postalCode, String county, String state) {

    public static final Place NOWHERE = new Place(null, null, null);

    private static final Pattern AROUND_COLON = Pattern.compile("\\s*:\\s*");

    public static Place of(Location location) {
        if (location == null) {
            return NOWHERE;
        }
        String state = normalized(location.state());
        String county = normalized(location.county());
        return new Place(postal5(location.postalCode()), state != null && county != null ? state + ":" + county : null,
                state);
    }

    /** A postal code as the index keys it: its first five characters, or null when shorter. */
    static String postal5(String postalCode) {
        if (postalCode == null) {
            return null;
        }
        String trimmed = postalCode.trim();
        return trimmed.length() < 5 ? null : trimmed.substring(0, 5);
    }

    /** A state, or a county as {@code "STATE:County"}, as the index keys it (spaces around the colon dropped). */
    static String normalized(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.indexOf(':') >= 0) {
            trimmed = AROUND_COLON.matcher(trimmed).replaceAll(":");
        }
        return trimmed.toUpperCase(Locale.ROOT);
    }
}
