package org.hotline.console.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.ResourceKind;
import org.hotline.contracts.vocabulary.Urgency;

/**
 * routing's {@code GET /api/v1/decisions/{reference}}; {@code resources} are the library's resources it proposes to
 * send (empty for most contacts).
 */
public record Decision(String reference, Urgency urgency, Handling handling, boolean emergencyAdvised,
        boolean lawEnforcementReferral, List<Referral> referrals, List<String> rules, Instant decidedAt,
        List<ProposedResource> resources) {

    public Decision {
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    /** A decision that proposes no resource. */
    public Decision(String reference, Urgency urgency, Handling handling, boolean emergencyAdvised,
            boolean lawEnforcementReferral, List<Referral> referrals, List<String> rules, Instant decidedAt) {
        this(reference, urgency, handling, emergencyAdvised, lawEnforcementReferral, referrals, rules, decidedAt,
                List.of());
    }

    /** A resource of the library proposed to send, with why routing chose it. */
    public record ProposedResource(UUID resourceId, String title, ResourceKind kind, String link, String reason) {
    }

    public record Referral(UUID referralId, UUID organizationId, String organizationName, String phone, Need need,
            boolean fallback, String reason) {
    }

    public boolean urgent() {
        return urgency == Urgency.URGENT;
    }
}
