package org.hotline.contracts.events;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.hotline.contracts.vocabulary.ConsentBasis;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.Urgency;

/**
 * {@code hotline.referral.issued}: one referral to one partner organisation, keyed by organisation id. It carries
 * only what consent allows; {@code consentBasis} says why a law-enforcement referral was made.
 */
public record ReferralIssued(
        UUID referralId,
        String reference,
        UUID organizationId,
        String organizationName,
        Need need,
        Urgency urgency,
        boolean lawEnforcement,
        ConsentBasis consentBasis,
        boolean fallback,
        Set<Indicator> indicators,
        Location location,
        Instant issuedAt) {
}
