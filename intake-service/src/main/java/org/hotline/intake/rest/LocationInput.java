package org.hotline.intake.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hotline.contracts.events.Location;

/** Where the situation is; every part optional. Shared by tips and calls. */
public record LocationInput(
        @Size(max = 100) String city,
        @Size(max = 100) String county,
        @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter state code, e.g. CA") String state,
        @Pattern(regexp = "\\d{5}(-\\d{4})?", message = "must be a ZIP code: 5 digits, or ZIP+4") String postalCode,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 two-letter country code, e.g. US")
        String country) {

    public Location toLocation() {
        return new Location(city, county, state, postalCode, country);
    }

    public static Location toLocation(LocationInput input) {
        return input == null ? null : input.toLocation();
    }
}
