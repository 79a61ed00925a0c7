package org.hotline.routing.rest;

import java.time.Instant;
import java.util.List;

import org.hotline.contracts.events.RoutingDecided;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Urgency;

/**
 * {@code GET /api/v1/decisions/{reference}}: the decision with the rules that fired and its referrals, and
 * {@code needsAttention}: the rules staff must act on — a need left without any target ({@code no target for ...})
 * and an escalation's call to make ({@code needs a call: ...}) — so a screen can show them first.
 */
public record DecisionView(String reference, Urgency urgency, Handling handling, boolean emergencyAdvised,
        boolean lawEnforcementReferral, List<RoutingDecided.Referral> referrals, List<String> rules,
        List<String> needsAttention, Instant decidedAt, List<RoutingDecided.ProposedResource> resources) {

    static DecisionView of(RoutingDecided d) {
        List<String> attention = d.rules().stream()
                .filter(r -> r.startsWith("no target for ") || r.startsWith("needs a call: ")).toList();
        return new DecisionView(d.reference(), d.urgency(), d.handling(), d.emergencyAdvised(),
                d.lawEnforcementReferral(), d.referrals(), d.rules(), attention, d.decidedAt(),
                d.resources() == null ? List.of() : d.resources());
    }
}
