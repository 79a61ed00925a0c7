package org.hotline.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.ResourceKind;
import org.hotline.contracts.vocabulary.Urgency;

/**
 * {@code hotline.routing.decided}: how urgent a contact is, how it is handled and whom it is referred to, with the
 * rules that fired. Carries the contact facts follow-up needs to decide whether a staff reply is owed. {@code resources}
 * are the library's materials proposed to send a general-information or training request (at most three); absent
 * (null) in decisions made before resources were proposed and in those that propose none.
 */
public record RoutingDecided(
        UUID decisionId,
        String reference,
        ContactKind contactKind,
        CallType callType,
        Channel channel,
        Instant receivedAt,
        boolean followUpRequested,
        Urgency urgency,
        Handling handling,
        boolean emergencyAdvised,
        boolean lawEnforcementReferral,
        List<Referral> referrals,
        List<String> rules,
        Instant decidedAt,
        List<ProposedResource> resources) {

    /** A decision that proposes no resource, as every decision was before the library. */
    public RoutingDecided(UUID decisionId, String reference, ContactKind contactKind, CallType callType,
            Channel channel, Instant receivedAt, boolean followUpRequested, Urgency urgency, Handling handling,
            boolean emergencyAdvised, boolean lawEnforcementReferral, List<Referral> referrals, List<String> rules,
            Instant decidedAt) {
        this(decisionId, reference, contactKind, callType, channel, receivedAt, followUpRequested, urgency, handling,
                emergencyAdvised, lawEnforcementReferral, referrals, rules, decidedAt, null);
    }

    /** A resource of the library proposed to send the contact, with why it was chosen. */
    public record ProposedResource(
            UUID resourceId,
            String title,
            ResourceKind kind,
            String link,
            String reason) {
    }

    /** One referral target chosen by the decision. */
    public record Referral(
            UUID referralId,
            UUID organizationId,
            String organizationName,
            String phone,
            Need need,
            boolean fallback,
            String reason) {
    }
}
