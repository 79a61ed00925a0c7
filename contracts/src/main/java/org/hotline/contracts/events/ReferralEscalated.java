package org.hotline.contracts.events;

import java.time.Instant;
import java.util.UUID;

import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.Urgency;

/**
 * {@code hotline.referral.escalated}: an urgent referral no partner acknowledged in time; raised once per referral, on
 * the referrals topic keyed by organisation id so it follows that organisation's issued and acknowledged events.
 */
public record ReferralEscalated(
        UUID referralId,
        String reference,
        UUID organizationId,
        Need need,
        Urgency urgency,
        Instant issuedAt,
        Instant escalatedAt) {
}
