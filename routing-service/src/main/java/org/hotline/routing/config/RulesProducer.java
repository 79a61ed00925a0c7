package org.hotline.routing.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.hotline.calendar.BusinessCalendar;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.vocabulary.AgeBand;
import org.hotline.contracts.vocabulary.Audience;
import org.hotline.routing.AudienceRule;
import org.hotline.routing.AudienceRules;
import org.hotline.routing.Canonical;
import org.hotline.routing.DirectorySnapshot;
import org.hotline.routing.ListedOrganization;
import org.hotline.routing.RoutingRules;
import org.hotline.routing.TargetSelector;

/**
 * Builds the rules once from configuration and the shared business calendar (platform's {@code hotline.calendar}
 * window; the closures come with each decision from {@code RoutingCalendar}).
 */
public class RulesProducer {

    @Produces
    @Singleton
    public RoutingRules routingRules(RoutingConfig config, BusinessCalendar calendar) {
        return new RoutingRules(config.urgentCallTypes(), config.urgentIndicators(), config.callerMayMarkUrgent(),
                config.emergencyIndicators(), calendar);
    }

    /**
     * The selector: the configured 24-hour national lines stand in for an empty read model and take urgent needs
     * nothing else takes; the audience rules; the last-resort line.
     */
    @Produces
    @Singleton
    public TargetSelector targetSelector(RoutingConfig config) {
        List<OrganizationUpserted> lines = config.fallbackLines().entrySet().stream()
                .map(RulesProducer::asOrganization).toList();
        return new TargetSelector(DirectorySnapshot.of(lines), audienceRules(config), lastResort(config));
    }

    public static AudienceRules audienceRules(RoutingConfig config) {
        List<AudienceRule> rules = new ArrayList<>();
        config.audiences().forEach((name, admission) -> {
            Audience audience;
            try {
                audience = Audience.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("hotline.routing.audiences." + name + ": no such audience (one of "
                        + Arrays.toString(Audience.values()) + ")");
            }
            rules.add(new AudienceRule(audience, admission.needs().orElse(Set.of()),
                    admission.indicators().orElse(Set.of()), admission.callerTypes().orElse(Set.of()),
                    ageBands(name, admission.ageBands().orElse(Set.of())), admission.lawEnforcementReferral()));
        });
        return new AudienceRules(rules, config.matchLanguages());
    }

    private static TargetSelector.LastResort lastResort(RoutingConfig config) {
        String key = config.lastResort().line();
        if ("none".equals(key)) {
            return null;
        }
        RoutingConfig.FallbackLine line = config.fallbackLines().get(key);
        if (line == null) {
            throw new IllegalArgumentException("hotline.routing.last-resort.line=" + key + " names no"
                    + " hotline.routing.fallback-lines entry (one of " + config.fallbackLines().keySet() + ")");
        }
        return new TargetSelector.LastResort(ListedOrganization.of(asOrganization(Map.entry(key, line)),
                new Canonical()), config.lastResort().generalNeed());
    }

    private static Set<AgeBand> ageBands(String audience, Set<String> spelled) {
        Set<AgeBand> bands = EnumSet.noneOf(AgeBand.class);
        for (String band : spelled) {
            try {
                bands.add(AgeBand.ofSpelling(band));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("hotline.routing.audiences." + audience + ".age-bands: "
                        + e.getMessage());
            }
        }
        return bands;
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
