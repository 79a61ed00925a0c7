package org.hotline.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** {@code hotline.referral.acknowledged}: a partner confirmed it received a referral. */
public record ReferralAcknowledged(
        UUID referralId,
        String reference,
        UUID organizationId,
        Instant acknowledgedAt) {
}
