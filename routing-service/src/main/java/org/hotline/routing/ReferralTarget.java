package org.hotline.routing;

import java.util.UUID;

import org.hotline.contracts.events.RoutingDecided;
import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.Need;

/**
 * One organisation's service chosen for one need of a contact.
 *
 * @param fallback a 24-hour national line taken because no open local or state target covers an urgent need, or
 *                 because the directory read model is empty
 * @param reason   why it was chosen, in words a supervisor can read
 */
public record ReferralTarget(ListedOrganization organization, ListedService service, Need need, AreaLevel level,
        boolean fallback, String reason) {

    public UUID organizationId() {
        return organization.id();
    }

    /** A law-enforcement agency, or a line that takes law-enforcement referrals only: consent rules apply. */
    public boolean lawEnforcement() {
        return organization.lawEnforcement() || organization.audiences().contains(Audience.LAW_ENFORCEMENT_ONLY);
    }

    public RoutingDecided.Referral toReferral(UUID referralId) {
        return new RoutingDecided.Referral(referralId, organization.id(), organization.name(), service.phone(), need,
                fallback, reason);
    }
}
