package org.hotline.directory.messaging;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.directory.OfferedService;
import org.hotline.directory.Organization;
import org.hotline.directory.Weekday;

/**
 * Maps an organisation to its {@code hotline.organization.upserted} event: the full current state, which consumers
 * of the compacted topic replace theirs with. The description stays in the directory; routing does not need it.
 */
public final class OrganizationEvents {

    private OrganizationEvents() {
    }

    public static OrganizationUpserted upserted(Organization o) {
        return new OrganizationUpserted(o.id(), o.name(), o.lawEnforcement(), o.emergencyDispatch(),
                ordered(o.audiences(), a -> a), ordered(o.languages(), l -> l), o.lastVerifiedOn(),
                o.services().stream().map(OrganizationEvents::service).toList(), o.version(), o.updatedAt());
    }

    private static OrganizationUpserted.Service service(OfferedService s) {
        OfferedService.Hours h = s.hours();
        OfferedService.Area a = s.area();
        return new OrganizationUpserted.Service(s.id(), s.name(), ordered(s.needs(), n -> n), s.phone(),
                new OrganizationUpserted.Hours(h.timeZone(), h.open24h(),
                        h.weekly().stream().map(w -> new OrganizationUpserted.WeeklyHours(
                                ordered(w.days(), Weekday::name), w.opens(), w.closes())).toList(),
                        ordered(h.closedDates(), d -> d)),
                new OrganizationUpserted.Area(a.national(), ordered(a.states(), v -> v),
                        ordered(a.counties(), v -> v), ordered(a.postalCodes(), v -> v)));
    }

    /** The stored lists are already sorted and distinct; the event keeps that order. */
    private static <T, R> Set<R> ordered(Collection<T> values, Function<T, R> mapping) {
        Set<R> result = new LinkedHashSet<>();
        values.forEach(v -> result.add(mapping.apply(v)));
        return result;
    }
}
