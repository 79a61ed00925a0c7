package org.hotline.contracts;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hotline.contracts.events.CalendarClosureAdded;
import org.hotline.contracts.events.CallReceived;
import org.hotline.contracts.events.FollowupAtRisk;
import org.hotline.contracts.events.FollowupBreached;
import org.hotline.contracts.events.FollowupCompleted;
import org.hotline.contracts.events.FollowupScheduled;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.events.ReferralAcknowledged;
import org.hotline.contracts.events.ReferralOutcomeRecorded;
import org.hotline.contracts.events.ReferralEscalated;
import org.hotline.contracts.events.ReferralIssued;
import org.hotline.contracts.events.ResourceUpserted;
import org.hotline.contracts.events.RoutingDecided;
import org.hotline.contracts.events.TipMessageAdded;
import org.hotline.contracts.events.TipReceived;
import org.hotline.contracts.vocabulary.AgeBand;
import org.hotline.contracts.vocabulary.FollowupOutcome;
import org.hotline.contracts.vocabulary.ReferralOutcome;
import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.CallerType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ConsentBasis;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.ResourceAudience;
import org.hotline.contracts.vocabulary.ResourceKind;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.contracts.vocabulary.Typology;
import org.hotline.contracts.vocabulary.Urgency;
import org.hotline.contracts.vocabulary.CaseCloseReason;
import org.hotline.contracts.vocabulary.CaseStatus;
import org.hotline.contracts.events.CaseClosed;
import org.hotline.contracts.events.CaseFacts;
import org.hotline.contracts.events.CaseOpened;
import org.hotline.contracts.events.CaseUpdated;

/** One fully populated payload per event type. */
final class SampleEvents {

    static final Instant T0 = Instant.parse("2026-11-20T15:04:05Z");
    static final UUID ORG = UUID.fromString("6f1c1a52-3c7e-4a55-9d7e-1b2f3c4d5e6f");
    static final UUID REFERRAL = UUID.fromString("0b7e2a1c-9f3d-4c2b-8a1e-2d3c4b5a6f70");
    static final UUID FOLLOWUP = UUID.fromString("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
    static final Location PLACE = new Location("Salinas", "Monterey", "CA", "93901", "US");

    static Map<EventType, Record> all() {
        Map<EventType, Record> samples = new EnumMap<>(EventType.class);
        samples.put(EventType.CALL_RECEIVED, new CallReceived("CALL-4K2M9Q2XH4", T0, CallType.REFERRAL_REQUEST,
                CallerType.SERVICE_PROVIDER, Channel.PHONE, true, Set.of(Indicator.VICTIM_IN_SITUATION),
                Set.of(Need.SHELTER, Need.LEGAL), PLACE, "es", false, true, AgeBand.AGE_12_17,
                Typology.CONSTRUCTION));
        samples.put(EventType.TIP_RECEIVED, new TipReceived("TIP-7K3M9Q2XH4", T0, Channel.WEB_FORM,
                TraffickingType.LABOR, Set.of(Indicator.MINOR_INVOLVED), Set.of(Need.LABOR_RIGHTS), PLACE, true,
                CallerType.COMMUNITY_MEMBER, "en", false, AgeBand.UNDER_12, Typology.AGRICULTURE_ANIMAL_HUSBANDRY));
        samples.put(EventType.TIP_MESSAGE_ADDED, new TipMessageAdded("TIP-7K3M9Q2XH4", UUID.randomUUID(), T0,
                Set.of(Indicator.IMMINENT_DANGER), Set.of(Need.EMERGENCY_SHELTER)));
        samples.put(EventType.ROUTING_DECIDED, new RoutingDecided(UUID.randomUUID(), "TIP-7K3M9Q2XH4",
                ContactKind.TIP, CallType.TIP, Channel.WEB_FORM, T0, false, Urgency.NON_URGENT, Handling.IN_HOURS,
                false, false,
                List.of(new RoutingDecided.Referral(REFERRAL, ORG, "NHTRC", "1-888-373-7888", Need.LABOR_RIGHTS,
                        true, "24-hour national line")),
                List.of("urgency: no urgent indicator"), T0,
                List.of(new RoutingDecided.ProposedResource(UUID.randomUUID(), "Key numbers to call",
                        ResourceKind.HOTLINE_CARD, "https://humantraffickinghotline.org/en/resources",
                        "topic INFORMATION, audience PUBLIC, language en"))));
        samples.put(EventType.REFERRAL_ISSUED, new ReferralIssued(REFERRAL, "TIP-7K3M9Q2XH4", ORG, "NHTRC",
                Need.LABOR_RIGHTS, Urgency.URGENT, true, ConsentBasis.MINOR_INVOLVED, false,
                Set.of(Indicator.MINOR_INVOLVED), PLACE, T0));
        samples.put(EventType.REFERRAL_ACKNOWLEDGED, new ReferralAcknowledged(REFERRAL, "TIP-7K3M9Q2XH4", ORG, T0));
        samples.put(EventType.REFERRAL_OUTCOME_RECORDED, new ReferralOutcomeRecorded(REFERRAL, "TIP-7K3M9Q2XH4", ORG,
                ReferralOutcome.CASE_OPENED, T0));
        samples.put(EventType.REFERRAL_ESCALATED, new ReferralEscalated(REFERRAL, "TIP-7K3M9Q2XH4", ORG,
                Need.EMERGENCY_SHELTER, Urgency.URGENT, T0, T0.plusSeconds(900)));
        samples.put(EventType.ORGANIZATION_UPSERTED, new OrganizationUpserted(ORG, "DOJ Task Force Line", true,
                false, Set.of(Audience.LAW_ENFORCEMENT_ONLY), Set.of("en", "es"), LocalDate.of(2026, 10, 1),
                List.of(new OrganizationUpserted.Service(UUID.randomUUID(), "Tip line",
                        Set.of(Need.LAW_ENFORCEMENT), "1-888-428-7581",
                        new OrganizationUpserted.Hours("America/New_York", false,
                                List.of(new OrganizationUpserted.WeeklyHours(
                                        Set.of("MON", "TUE", "WED", "THU", "FRI"), "09:00", "17:00")),
                                Set.of(LocalDate.of(2026, 12, 25))),
                        new OrganizationUpserted.Area(false, Set.of("CA"), Set.of("CA:Monterey"), Set.of("93901")))),
                3, T0));
        samples.put(EventType.FOLLOWUP_SCHEDULED, new FollowupScheduled(FOLLOWUP, "TIP-7K3M9Q2XH4", CallType.TIP,
                Channel.WEB_FORM, T0, T0, T0.plusSeconds(72_000), T0.plusSeconds(108_000)));
        samples.put(EventType.FOLLOWUP_AT_RISK, new FollowupAtRisk(FOLLOWUP, "TIP-7K3M9Q2XH4", T0, T0, T0));
        samples.put(EventType.FOLLOWUP_BREACHED, new FollowupBreached(FOLLOWUP, "TIP-7K3M9Q2XH4", T0, T0));
        samples.put(EventType.FOLLOWUP_COMPLETED, new FollowupCompleted(FOLLOWUP, "TIP-7K3M9Q2XH4", T0, false,
                FollowupOutcome.RESPONDED));
        samples.put(EventType.CALENDAR_CLOSURE_ADDED, new CalendarClosureAdded(UUID.randomUUID(),
                LocalDateTime.of(2026, 12, 3, 9, 0), LocalDateTime.of(2026, 12, 4, 0, 0), "Snow day", T0));
        samples.put(EventType.RESOURCE_UPSERTED, new ResourceUpserted(UUID.randomUUID(), "Key numbers to call",
                ResourceKind.HOTLINE_CARD, Set.of(Need.INFORMATION), Set.of(TraffickingType.LABOR),
                Set.of(ResourceAudience.PUBLIC), Set.of("en", "es"), "https://humantraffickinghotline.org/en/resources",
                LocalDate.of(2026, 12, 1), null, 0, T0));
        CaseFacts facts = new CaseFacts(CaseStatus.OPEN, Typology.AGRICULTURE_ANIMAL_HUSBANDRY, TraffickingType.LABOR,
                "Monterey", "CA", List.of("TIP-7K3M9Q2XH4", "CALL-4K2M9Q2XH4"), 6, 2, 6, 4, "agent-subject");
        samples.put(EventType.CASE_OPENED, new CaseOpened("CASE-7K3M9Q2XH4", T0, facts));
        samples.put(EventType.CASE_UPDATED, new CaseUpdated("CASE-7K3M9Q2XH4", T0, "SIGNAL_LINKED", facts));
        samples.put(EventType.CASE_CLOSED, new CaseClosed("CASE-8K3M9Q2XH4", T0, CaseCloseReason.MERGED,
                "CASE-7K3M9Q2XH4", new CaseFacts(CaseStatus.CLOSED, null, null, null, null, List.of(), 0, 0, 0, 0,
                        null)));
        return samples;
    }

    private SampleEvents() {
    }
}
