package org.hotline.console.client;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** directory's organisation, as much of it as the console shows. */
public record Organization(UUID id, String name, String description, boolean lawEnforcement,
        boolean emergencyDispatch, List<String> audiences, List<String> languages, LocalDate lastVerifiedOn,
        List<Service> services, Long version) {

    public record Service(UUID id, String name, Set<String> needs, String phone, Hours hours, Area area) {
    }

    public record Area(boolean national, List<String> states, List<String> counties, List<String> postalCodes) {
    }

    public record Hours(String timeZone, boolean open24h, List<Weekly> weekly, Set<LocalDate> closedDates) {
    }

    public record Weekly(Set<String> days, String opens, String closes) {
    }
}
