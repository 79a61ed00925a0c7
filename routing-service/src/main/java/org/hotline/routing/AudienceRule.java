package org.hotline.routing;

import java.util.Set;

import org.hotline.contracts.vocabulary.AgeBand;
import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.CallerType;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;

/**
 * Which contacts one audience admits (configuration: {@code hotline.routing.audiences.<AUDIENCE>}). A contact is
 * admitted by any fact the rule names: one of its indicators, its caller type, its age band, a law-enforcement
 * referral, or one of its needs. A need only implies who the contact is about ("a youth need is about a young
 * person"), so a recorded age band outside the rule's bands overrules it; the other facts are about the contact
 * itself and stand.
 */
public record AudienceRule(Audience audience, Set<Need> needs, Set<Indicator> indicators, Set<CallerType> callerTypes,
        Set<AgeBand> ageBands, boolean lawEnforcementReferral) {

    public AudienceRule {
        needs = Set.copyOf(needs);
        indicators = Set.copyOf(indicators);
        callerTypes = Set.copyOf(callerTypes);
        ageBands = Set.copyOf(ageBands);
    }

    /** The fact that admits the contact, e.g. {@code "need RUNAWAY_HOMELESS_YOUTH"}, or null when none does. */
    public String admittedBy(ContactFacts contact, boolean makesLawEnforcementReferral) {
        for (Indicator indicator : contact.indicators()) {
            if (indicators.contains(indicator)) {
                return "indicator " + indicator;
            }
        }
        if (contact.callerType() != null && callerTypes.contains(contact.callerType())) {
            return "caller type " + contact.callerType();
        }
        if (contact.ageBand() != null && ageBands.contains(contact.ageBand())) {
            return "age band " + Vocabulary.spelling(contact.ageBand());
        }
        if (lawEnforcementReferral && makesLawEnforcementReferral) {
            return "a law-enforcement referral";
        }
        if (ageBandContradicts(contact)) {
            return null;
        }
        for (Need need : contact.needs()) {
            if (needs.contains(need)) {
                return "need " + need;
            }
        }
        return null;
    }

    /**
     * Why the contact is not admitted, short enough for one line per candidate: "audience YOUTH does not admit this
     * contact", or the age band that overruled a need. The rule itself is in the configuration and the README.
     */
    public String refusal(ContactFacts contact) {
        return ageBandContradicts(contact)
                ? "audience " + audience + " does not admit age band " + Vocabulary.spelling(contact.ageBand())
                : "audience " + audience + " does not admit this contact";
    }

    private boolean ageBandContradicts(ContactFacts contact) {
        return !ageBands.isEmpty() && contact.ageBand() != null && contact.ageBand().known()
                && !ageBands.contains(contact.ageBand());
    }
}
