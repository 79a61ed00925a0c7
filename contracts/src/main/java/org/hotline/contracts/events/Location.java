package org.hotline.contracts.events;

/** Where the situation is; every part is optional, and routing uses the most local part it has. */
public record Location(String city, String county, String state, String postalCode, String country) {
}
