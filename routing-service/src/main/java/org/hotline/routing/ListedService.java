package org.hotline.routing;

import java.util.EnumSet;
import java.util.Set;

import org.hotline.calendar.OpeningHours;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.vocabulary.Need;

/**
 * One service of a listed organisation, as referral selection reads it: its opening hours are built once when the
 * organisation enters the index, not per decision.
 *
 * @param hours   when it answers; null when the published hours cannot be read (the service is then passed over for
 *                urgent contacts, never a failed decision)
 * @param open24h whether the directory publishes it as open around the clock
 */
public record ListedService(String phone, Set<Need> needs, ServiceArea area, OpeningHours hours, boolean open24h) {

    static ListedService of(OrganizationUpserted.Service service, Canonical canonical) {
        Set<Need> needs = service.needs() == null || service.needs().isEmpty() ? Set.of()
                : canonical.of(Set.copyOf(EnumSet.copyOf(service.needs())));
        OpeningHours hours;
        try {
            hours = canonical.of(ServiceHours.of(service.hours()));
        } catch (RuntimeException unreadable) {
            hours = null;
        }
        return new ListedService(service.phone(), needs, ServiceArea.of(service.area(), canonical), hours,
                ServiceHours.is24h(service.hours()));
    }

    public boolean covers(Need need) {
        return needs.contains(need);
    }
}
