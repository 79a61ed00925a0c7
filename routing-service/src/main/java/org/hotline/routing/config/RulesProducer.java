package org.hotline.routing.config;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.hotline.calendar.BusinessCalendar;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.routing.DirectorySnapshot;
import org.hotline.routing.RoutingRules;
import org.hotline.routing.TargetSelector;

/** Builds the rules once from configuration and the shared business calendar. */
public class RulesProducer {

    @Produces
    @Singleton
    BusinessCalendar businessCalendar() {
        return BusinessCalendar.hotlineDefault();
    }

    @Produces
    @Singleton
    RoutingRules routingRules(RoutingConfig config, BusinessCalendar calendar) {
        return new RoutingRules(config.urgentCallTypes(), config.urgentIndicators(), config.callerMayMarkUrgent(),
                config.emergencyIndicators(), calendar);
    }

    /** The selector, with the configured 24-hour national lines standing in for an empty read model. */
    @Produces
    @Singleton
    TargetSelector targetSelector(RoutingConfig config) {
        List<OrganizationUpserted> lines = config.fallbackLines().entrySet().stream()
                .map(RulesProducer::asOrganization).toList();
        return new TargetSelector(DirectorySnapshot.of(lines));
    }

    /** A fallback line as the directory would publish it: national, open around the clock. */
    private static OrganizationUpserted asOrganization(Map.Entry<String, RoutingConfig.FallbackLine> entry) {
        RoutingConfig.FallbackLine line = entry.getValue();
        UUID id;
        try {
            id = UUID.fromString(line.organizationId());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hotline.routing.fallback-lines." + entry.getKey()
                    + ".organization-id is not a UUID");
        }
        return new OrganizationUpserted(id, line.name(), false, false, line.audiences().orElse(Set.of()), Set.of(),
                null, List.of(new OrganizationUpserted.Service(id, line.name(), line.needs(), line.phone(),
                        new OrganizationUpserted.Hours("America/New_York", true, List.of(), Set.of()),
                        new OrganizationUpserted.Area(true, Set.of(), Set.of(), Set.of()))),
                1, Instant.EPOCH);
    }
}
