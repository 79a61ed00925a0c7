package org.hotline.routing;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hotline.contracts.vocabulary.Audience;

/**
 * The audience rules of every {@link Audience}: an organisation without audiences serves everyone; one with audiences
 * serves a contact that any of them admits. A missing rule is a configuration error, found at start-up, not a
 * silently refused caller.
 */
public final class AudienceRules {

    private final Map<Audience, AudienceRule> rules;

    public AudienceRules(List<AudienceRule> rules) {
        Map<Audience, AudienceRule> byAudience = new EnumMap<>(Audience.class);
        for (AudienceRule rule : rules) {
            if (byAudience.put(rule.audience(), rule) != null) {
                throw new IllegalArgumentException("two rules for audience " + rule.audience());
            }
        }
        Set<Audience> missing = EnumSet.allOf(Audience.class);
        missing.removeAll(byAudience.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no rule for audiences " + missing
                    + ": set hotline.routing.audiences.<AUDIENCE>.* for each");
        }
        this.rules = byAudience;
    }

    /** What admits the contact, e.g. {@code "audience YOUTH: need RUNAWAY_HOMELESS_YOUTH"}; null for everyone. */
    public Admission admission(Set<Audience> audiences, ContactFacts contact, boolean makesLawEnforcementReferral) {
        if (audiences.isEmpty()) {
            return Admission.EVERYONE;
        }
        for (Audience audience : Vocabulary.sorted(audiences)) {
            String fact = rules.get(audience).admittedBy(contact, makesLawEnforcementReferral);
            if (fact != null) {
                return new Admission(true, "audience " + audience + ": " + fact);
            }
        }
        return new Admission(false, Vocabulary.sorted(audiences).stream().map(a -> rules.get(a).refusal(contact))
                .collect(Collectors.joining("; ")));
    }

    /** Whether an organisation admits a contact, and the explanation (null for an organisation serving everyone). */
    public record Admission(boolean admitted, String explanation) {
        static final Admission EVERYONE = new Admission(true, null);
    }
}
