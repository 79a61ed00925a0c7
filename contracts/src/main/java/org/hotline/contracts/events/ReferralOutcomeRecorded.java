package org.hotline.contracts.events;

import java.time.Instant;
import java.util.UUID;

import org.hotline.contracts.vocabulary.ReferralOutcome;

/**
 * {@code hotline.referral.outcome-recorded}: a partner reported what came of a referral, for the statistics. A
 * partner may record a later outcome again (contacted, then a case opened): each is an event, the latest wins. Never
 * the partner's note: that is personal data.
 */
public record ReferralOutcomeRecorded(
        UUID referralId,
        String reference,
        UUID organizationId,
        ReferralOutcome outcome,
        Instant recordedAt) {
}
