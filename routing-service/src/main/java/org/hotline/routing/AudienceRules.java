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
    private final boolean matchLanguages;

    /** Rules that also match languages (the shipped default). */
    public AudienceRules(List<AudienceRule> rules) {
        this(rules, true);
    }

    /**
     * @param matchLanguages whether an organisation listing languages serves only contacts in one of them
     *                       ({@code hotline.routing.match-languages})
     */
    public AudienceRules(List<AudienceRule> rules, boolean matchLanguages) {
        this.matchLanguages = matchLanguages;
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

    /**
     * Why an organisation that lists the languages it serves does not serve this contact's language, or null: it lists
     * none, the contact's language was not recorded, it is among them (by primary subtag: {@code es-MX} is
     * {@code es}), or the organisation takes law-enforcement referrals (mandated reporting is never held back by a
     * language; the fallback lines, which interpret, list none).
     */
    public String languageRefusal(ListedOrganization organization, ContactFacts contact) {
        if (!matchLanguages || organization.languages().isEmpty() || contact.language() == null
                || contact.language().isBlank() || organization.lawEnforcement()
                || organization.audiences().contains(Audience.LAW_ENFORCEMENT_ONLY)) {
            return null;
        }
        String tag = ListedOrganization.primaryTag(contact.language());
        return organization.languages().contains(tag) ? null : "does not list language " + tag;
    }

    /** Whether an organisation admits a contact, and the explanation (null for an organisation serving everyone). */
    public record Admission(boolean admitted, String explanation) {
        static final Admission EVERYONE = new Admission(true, null);
    }
}
