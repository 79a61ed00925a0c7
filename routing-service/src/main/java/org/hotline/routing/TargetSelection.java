package org.hotline.routing;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.hotline.contracts.vocabulary.Need;

/**
 * The referral targets chosen for a contact, one line per candidate considered, chosen or passed over, and the needs
 * left without any target (each also explained by a rule).
 */
public record TargetSelection(List<ReferralTarget> targets, List<String> rules, Set<Need> unmetNeeds) {

    public TargetSelection {
        targets = List.copyOf(targets);
        rules = List.copyOf(rules);
        unmetNeeds = unmetNeeds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(unmetNeeds));
    }
}
