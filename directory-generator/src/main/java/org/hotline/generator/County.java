package org.hotline.generator;

import java.util.List;

/**
 * A county or county-equivalent (parish, borough, census area, independent city, municipio).
 *
 * @param key          the name as the directory's areas spell it after "STATE:", e.g. "Santa Cruz"
 * @param censusName   the Census Bureau's full name, e.g. "Santa Cruz County", "Orleans Parish", "Baltimore city"
 * @param timeZone     the IANA zone most of the county keeps
 * @param city         its most common place name, empty when unknown
 * @param postalCodes  a few of its ZIP codes (ZCTAs)
 * @param size         how many ZIP codes (ZCTAs) the county has: a rough stand-in for its population
 */
record County(UsState state, String fips, String key, String censusName, String timeZone, String city,
        List<String> postalCodes, int size) {

    /** The area key of the organisation event: {@code STATE:County}. */
    String areaKey() {
        return state.name() + ":" + key;
    }

    /** How the county reads in an organisation's name: "Santa Cruz County", "Orleans Parish", "Anchorage". */
    String displayName() {
        if (censusName.endsWith(" County") || censusName.endsWith(" Parish") || censusName.endsWith(" Borough")) {
            return censusName;
        }
        if (censusName.endsWith(" city")) {
            return censusName.substring(0, censusName.length() - " city".length()) + " City";
        }
        return key;
    }

    /** The place an organisation is named after: its city when known, else the county. */
    String placeName() {
        return city.isEmpty() ? displayName() : city;
    }
}
