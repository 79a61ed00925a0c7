package org.hotline.console.client;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.hotline.contracts.events.Location;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.Urgency;

/** routing's {@code PartnerReferralView}: today's minimum a partner sees (outcome null until recorded). */
public record PartnerReferral(UUID referralId, String reference, UUID organizationId, String organizationName,
        Need need, Urgency urgency, boolean lawEnforcement, String consentBasis, boolean fallback,
        Set<Indicator> indicators, Location location, Instant issuedAt, Instant acknowledgedAt, String outcome) {

    public boolean urgent() {
        return urgency == Urgency.URGENT;
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
