package org.hotline.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hotline.contracts.events.CallReceived;
import org.hotline.contracts.events.FollowupCompleted;
import org.hotline.contracts.events.FollowupScheduled;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.events.ReferralAcknowledged;
import org.hotline.contracts.events.ReferralIssued;
import org.hotline.contracts.events.RoutingDecided;
import org.hotline.contracts.events.TipReceived;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.CallerType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ConsentBasis;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.contracts.vocabulary.Urgency;

/** The events the statistics read model counts, as their producers publish them, on a given day at noon Eastern. */
final class StatisticsEvents {

    static final ZoneId EASTERN = ZoneId.of("America/New_York");

    private StatisticsEvents() {
    }

    static Instant noon(LocalDate day) {
        return day.atTime(12, 0).atZone(EASTERN).toInstant();
    }

    static CallReceived call(String reference, LocalDate day, CallType type, String state) {
        return new CallReceived(reference, noon(day), type, CallerType.COMMUNITY_MEMBER, Channel.PHONE, false,
                Set.of(), Set.of(Need.SHELTER), new Location(null, null, state, null, "US"), "en", false, false);
    }

    static TipReceived tip(String reference, LocalDate day, TraffickingType type, String state) {
        return new TipReceived(reference, noon(day), Channel.WEB_FORM, type, Set.of(), Set.of(Need.LABOR_RIGHTS),
                new Location(null, null, state, null, "US"), true, null, "en", false);
    }

    static RoutingDecided decision(String reference, LocalDate day, Urgency urgency) {
        return new RoutingDecided(UUID.randomUUID(), reference, ContactKind.CALL, CallType.CRISIS, Channel.PHONE,
                noon(day), false, urgency, Handling.IMMEDIATE, false, false, List.of(), List.of("urgency: crisis"),
                noon(day).plusSeconds(1));
    }

    static ReferralIssued referral(UUID referralId, String reference, LocalDate day) {
        return new ReferralIssued(referralId, reference, UUID.randomUUID(), "Shelter of the test", Need.SHELTER,
                Urgency.URGENT, false, ConsentBasis.NOT_LAW_ENFORCEMENT, false, Set.of(), null,
                noon(day).plusSeconds(2));
    }

    static ReferralAcknowledged acknowledgement(UUID referralId, String reference, LocalDate day) {
        return new ReferralAcknowledged(referralId, reference, UUID.randomUUID(), noon(day).plusSeconds(60));
    }

    /** Scheduled at noon: 7 business hours left today, target 20 business hours on. */
    static FollowupScheduled scheduled(UUID followupId, String reference, LocalDate day) {
        Instant noon = noon(day);
        return new FollowupScheduled(followupId, reference, CallType.CRISIS, Channel.PHONE, noon, noon,
                noon.plusSeconds(3 * 24 * 3600), noon.plusSeconds(4 * 24 * 3600));
    }

    /** Completed two hours after noon the same day: two business hours on a weekday. */
    static FollowupCompleted completed(UUID followupId, String reference, LocalDate day) {
        return new FollowupCompleted(followupId, reference, noon(day).plusSeconds(2 * 3600), false);
    }
}
