package org.hotline.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.Urgency;

/**
 * {@code hotline.routing.decided}: how urgent a contact is, how it is handled and whom it is referred to, with the
 * rules that fired. Carries the contact facts follow-up needs to decide whether a staff reply is owed.
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
        Instant decidedAt) {

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
