package org.hotline.routing;

import java.util.Locale;

/**
 * How closely a service's area covers a contact's location ({@link ServiceArea#levelFor}); earlier constants are
 * preferred (local first). Local is a matching postal code or county.
 */
public enum AreaLevel {
    LOCAL,
    STATE,
    NATIONAL;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
