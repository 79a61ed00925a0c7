package org.hotline.routing.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hotline.calendar.BusinessCalendar;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.Urgency;
import org.hotline.routing.Assessment;
import org.hotline.routing.ContactFacts;
import org.hotline.routing.DirectorySnapshot;
import org.hotline.routing.ReferralTarget;
import org.hotline.routing.RoutingRules;
import org.hotline.routing.TargetSelection;
import org.hotline.routing.TargetSelector;
import org.junit.jupiter.api.Test;

/**
 * The rules are data: the service's own {@code application.properties}, read through {@link RoutingConfig} and built by
 * {@link RulesProducer} exactly as at start-up, decide; a changed property changes the next decision, no rebuild. The
 * shipped 24-hour national lines stand in for an empty read model.
 */
class RoutingConfigTest {

    private static final Instant TUESDAY_10_EASTERN = Instant.parse("2026-11-24T15:00:00Z");
    private static final Location NEW_YORK = new Location("New York", "New York", "NY", "10001", "US");
    private static final UUID NCMEC = UUID.fromString("5eed0000-0000-4000-8000-018008435678");
    private static final UUID NHTRC = UUID.fromString("5eed0000-0000-4000-8000-018883737888");
    private static final UUID NDVH = UUID.fromString("5eed0000-0000-4000-8000-018007997233");

    private final RulesProducer producer = new RulesProducer();

    @Test
    void theShippedRulesAreDesignDefaults() {
        RoutingRules rules = producer.routingRules(config(Map.of()), BusinessCalendar.hotlineDefault());

        Assessment crisis = rules.assess(contact(CallType.CRISIS, Set.of(), false, Set.of(Need.SHELTER)));
        Assessment victimInSituation = rules.assess(contact(CallType.TIP, Set.of(Indicator.VICTIM_IN_SITUATION),
                false, Set.of()));
        Assessment markedUrgent = rules.assess(contact(CallType.REFERRAL_REQUEST, Set.of(), true, Set.of()));
        Assessment medical = rules.assess(contact(CallType.TIP, Set.of(Indicator.MEDICAL_EMERGENCY), false, Set.of()));

        assertThat(crisis.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(victimInSituation.urgency()).isEqualTo(Urgency.NON_URGENT);
        assertThat(markedUrgent.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(medical.emergencyAdvised()).isTrue();
    }

    @Test
    void operatorsChangeTheRulesInConfiguration() {
        RoutingRules changed = producer.routingRules(config(Map.of(
                "hotline.routing.urgent-indicators", "VICTIM_IN_SITUATION,WEAPONS_OR_THREATS",
                "hotline.routing.caller-may-mark-urgent", "TRAINING_TA",
                "hotline.routing.emergency-indicators", "IMMINENT_DANGER,MEDICAL_EMERGENCY,WEAPONS_OR_THREATS")),
                BusinessCalendar.hotlineDefault());

        Assessment victimInSituation = changed.assess(contact(CallType.TIP, Set.of(Indicator.VICTIM_IN_SITUATION),
                false, Set.of()));
        Assessment markedUrgent = changed.assess(contact(CallType.REFERRAL_REQUEST, Set.of(), true, Set.of()));
        Assessment weapons = changed.assess(contact(CallType.TIP, Set.of(Indicator.WEAPONS_OR_THREATS), false,
                Set.of()));

        assertThat(victimInSituation.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(victimInSituation.rules()).contains("urgency: urgent indicators [VICTIM_IN_SITUATION]");
        assertThat(markedUrgent.urgency()).isEqualTo(Urgency.NON_URGENT);
        assertThat(weapons.emergencyAdvised()).isTrue();
    }

    @Test
    void theShippedFallbackLinesStandInForAnEmptyReadModel() {
        RoutingConfig config = config(Map.of());
        RoutingRules rules = producer.routingRules(config, BusinessCalendar.hotlineDefault());
        TargetSelector selector = producer.targetSelector(config);
        ContactFacts contact = contact(CallType.TIP, Set.of(Indicator.MINOR_INVOLVED), false,
                Set.of(Need.MISSING_CHILD, Need.SHELTER));

        TargetSelection selection = selector.select(contact, rules.assess(contact), TUESDAY_10_EASTERN,
                DirectorySnapshot.empty());

        assertThat(config.fallbackLines()).hasSize(6);
        assertThat(selection.rules()).first().isEqualTo(TargetSelector.EMPTY_DIRECTORY);
        assertThat(selection.targets()).allMatch(ReferralTarget::fallback).noneMatch(ReferralTarget::lawEnforcement);
        assertThat(selection.targets()).filteredOn(t -> t.need() == Need.MISSING_CHILD)
                .extracting(ReferralTarget::organizationId).containsExactly(NCMEC);
        assertThat(selection.targets()).filteredOn(t -> t.need() == Need.SHELTER).hasSize(2);
        // No fallback line takes law enforcement: the hotline's own line is the last resort, never nothing.
        assertThat(selection.targets()).filteredOn(t -> t.need() == Need.LAW_ENFORCEMENT)
                .extracting(ReferralTarget::organizationId).containsExactly(NHTRC);
        assertThat(selection.unmetNeeds()).isEmpty();
    }

    @Test
    void anOperatorsChangedFallbackLineIsUsed() {
        RoutingConfig config = config(Map.of("hotline.routing.fallback-lines.ndvh.needs", "DOMESTIC_VIOLENCE,LEGAL"));
        ContactFacts contact = contact(CallType.REFERRAL_REQUEST, Set.of(), false, Set.of(Need.LEGAL, Need.SHELTER));
        RoutingRules rules = producer.routingRules(config, BusinessCalendar.hotlineDefault());

        TargetSelection selection = producer.targetSelector(config).select(contact, rules.assess(contact),
                TUESDAY_10_EASTERN, DirectorySnapshot.empty());

        assertThat(selection.targets().stream().map(t -> t.need() + ":" + t.organizationId()).toList())
                .contains(Need.LEGAL + ":" + NDVH, Need.LEGAL + ":" + NHTRC)
                .doesNotContain(Need.SHELTER + ":" + NDVH);
    }

    /** The service's application.properties (no profile), with the given properties overriding it. */
    private static RoutingConfig config(Map<String, String> overrides) {
        return ShippedRoutingConfig.load(overrides);
    }

    private static ContactFacts contact(CallType type, Set<Indicator> indicators, boolean requestedUrgent,
            Set<Need> needs) {
        return new ContactFacts("CONFIG-0001", type == CallType.TIP ? ContactKind.TIP : ContactKind.CALL, type,
                Channel.PHONE, TUESDAY_10_EASTERN, requestedUrgent, indicators, needs, NEW_YORK, false, false);
    }
}
