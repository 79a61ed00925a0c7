package org.hotline.routing.rest;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.hotline.contracts.events.Location;
import org.hotline.contracts.events.ReferralIssued;
import org.hotline.contracts.vocabulary.ConsentBasis;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.ReferralOutcome;
import org.hotline.contracts.vocabulary.Urgency;
import org.hotline.routing.Referral;

/**
 * A referral as its partner sees it: the fields of {@code hotline.referral.issued} (no personal data) and when the
 * partner acknowledged it (null until then) and the latest outcome it recorded (null until then).
 */
public record PartnerReferralView(UUID referralId, String reference, UUID organizationId, String organizationName,
        Need need, Urgency urgency, boolean lawEnforcement, ConsentBasis consentBasis, boolean fallback,
        Set<Indicator> indicators, Location location, Instant issuedAt, Instant acknowledgedAt,
        ReferralOutcome outcome) {

    static PartnerReferralView of(Referral referral) {
        ReferralIssued r = referral.toEvent();
        return new PartnerReferralView(r.referralId(), r.reference(), r.organizationId(), r.organizationName(),
                r.need(), r.urgency(), r.lawEnforcement(), r.consentBasis(), r.fallback(), r.indicators(),
                r.location(), r.issuedAt(), referral.acknowledgedAt(), referral.outcome());
    }
}
