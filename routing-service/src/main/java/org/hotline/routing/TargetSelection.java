package org.hotline.routing;

import java.util.List;

/** The referral targets chosen for a contact and one line per candidate considered, chosen or passed over. */
public record TargetSelection(List<ReferralTarget> targets, List<String> rules) {

    public TargetSelection {
        targets = List.copyOf(targets);
        rules = List.copyOf(rules);
    }
}
