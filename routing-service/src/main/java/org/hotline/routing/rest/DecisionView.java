package org.hotline.routing.rest;

import java.time.Instant;
import java.util.List;

import org.hotline.contracts.events.RoutingDecided;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Urgency;

/** {@code GET /api/v1/decisions/{reference}}: the decision with the rules that fired and its referrals. */
public record DecisionView(String reference, Urgency urgency, Handling handling, boolean emergencyAdvised,
        boolean lawEnforcementReferral, List<RoutingDecided.Referral> referrals, List<String> rules,
        Instant decidedAt) {

    static DecisionView of(RoutingDecided d) {
        return new DecisionView(d.reference(), d.urgency(), d.handling(), d.emergencyAdvised(),
                d.lawEnforcementReferral(), d.referrals(), d.rules(), d.decidedAt());
    }
}
