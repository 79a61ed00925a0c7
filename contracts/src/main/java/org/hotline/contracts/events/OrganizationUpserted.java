package org.hotline.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.Need;

/**
 * {@code hotline.organization.upserted}: the full current state of one organisation on the compacted organisations
 * topic (key = organisation id; a tombstone, a null value, means it was deleted). Consumers replace, never merge.
 */
public record OrganizationUpserted(
        UUID id,
        String name,
        boolean lawEnforcement,
        boolean emergencyDispatch,
        Set<Audience> audiences,
        Set<String> languages,
        LocalDate lastVerifiedOn,
        List<Service> services,
        long version,
        Instant updatedAt) {

    /** A service of the organisation: what it covers, where, and when it answers. */
    public record Service(
            UUID id,
            String name,
            Set<Need> needs,
            String phone,
            Hours hours,
            Area area) {
    }

    /** Opening hours in the service's own IANA time zone. */
    public record Hours(String timeZone, boolean open24h, List<WeeklyHours> weekly, Set<LocalDate> closedDates) {
    }

    /** Days of the week (MON..SUN) with one opening span; closes before opens crosses midnight. */
    public record WeeklyHours(Set<String> days, String opens, String closes) {
    }

    /** Where the service works: nationwide, or listed states, counties ("STATE:County") and postal codes. */
    public record Area(boolean national, Set<String> states, Set<String> counties, Set<String> postalCodes) {
    }
}
