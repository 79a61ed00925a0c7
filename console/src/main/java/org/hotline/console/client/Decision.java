package org.hotline.console.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.Urgency;

/** routing's {@code GET /api/v1/decisions/{reference}}. */
public record Decision(String reference, Urgency urgency, Handling handling, boolean emergencyAdvised,
        boolean lawEnforcementReferral, List<Referral> referrals, List<String> rules, Instant decidedAt) {

    public record Referral(UUID referralId, UUID organizationId, String organizationName, String phone, Need need,
            boolean fallback, String reason) {
    }

    public boolean urgent() {
        return urgency == Urgency.URGENT;
    }
}
