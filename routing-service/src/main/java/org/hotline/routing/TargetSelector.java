package org.hotline.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.Urgency;

/**
 * Chooses whom a contact is referred to (DESIGN §5 "Referral targets"), from the directory read model only. Pure: the
 * same contact, assessment, instant and candidates always give the same targets and the same explanation.
 *
 * <p>Per need: services covering it, in the contact's area, whose organisation's audience admits the case, never
 * emergency dispatch (911 only drives {@code emergencyAdvised}), law enforcement only when the assessment makes a
 * law-enforcement referral, and for URGENT contacts open at the decision instant in their own time zone. Ranked local
 * over state over national, then most recently verified; at most {@value #PER_NEED} per need. An urgent need with no
 * open local or state target goes to 24-hour national lines, marked as fallbacks.
 */
public final class TargetSelector {

    /** At most this many targets per need. */
    public static final int PER_NEED = 2;

    public static final String EMPTY_DIRECTORY = "directory read model empty: no referral targets";

    private static final Comparator<Candidate> RANKING = Comparator
            .comparing((Candidate c) -> c.level)
            .thenComparing(c -> c.organization.lastVerifiedOn(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(c -> c.organization.name(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(c -> c.organization.id());

    public TargetSelection select(ContactFacts contact, Assessment assessment, Instant at, CandidateSource directory) {
        if (directory.isEmpty()) {
            return new TargetSelection(List.of(), List.of(EMPTY_DIRECTORY));
        }
        List<ReferralTarget> targets = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        for (Need need : needs(contact, assessment)) {
            selectFor(need, contact, assessment, at, directory, targets, rules);
        }
        return new TargetSelection(targets, rules);
    }

    /** The contact's needs, plus LAW_ENFORCEMENT when the assessment makes a law-enforcement referral. */
    static Set<Need> needs(ContactFacts contact, Assessment assessment) {
        Set<Need> needs = EnumSet.noneOf(Need.class);
        needs.addAll(contact.needs());
        if (assessment.lawEnforcementReferral()) {
            needs.add(Need.LAW_ENFORCEMENT);
        }
        return needs;
    }

    private void selectFor(Need need, ContactFacts contact, Assessment assessment, Instant at,
            CandidateSource directory, List<ReferralTarget> targets, List<String> rules) {
        boolean urgent = assessment.urgency() == Urgency.URGENT;
        List<Candidate> eligible = new ArrayList<>();
        for (OrganizationUpserted organization : directory.offering(need)) {
            Candidate best = null;
            String passedOver = null;
            for (OrganizationUpserted.Service service : organization.services()) {
                if (service.needs() == null || !service.needs().contains(need)) {
                    continue;
                }
                Candidate candidate = new Candidate(organization, service);
                String reason = candidate.exclusion(contact, assessment, urgent, at);
                if (reason == null && (best == null || RANKING.compare(candidate, best) < 0)) {
                    best = candidate;
                } else if (reason != null && passedOver == null) {
                    passedOver = reason;
                }
            }
            if (best != null) {
                eligible.add(best);
            } else if (passedOver != null) {
                rules.add("passed over: " + organization.name() + " for " + need + " (" + passedOver + ")");
            }
        }
        eligible.sort(RANKING);
        boolean localOrStateTarget = eligible.stream().anyMatch(c -> c.level != AreaLevel.NATIONAL);
        int chosen = 0;
        for (Candidate candidate : eligible) {
            if (chosen == PER_NEED) {
                rules.add("passed over: " + candidate.organization.name() + " for " + need + " (ranked below "
                        + PER_NEED + " better targets)");
                continue;
            }
            boolean fallback = urgent && !localOrStateTarget && candidate.level == AreaLevel.NATIONAL
                    && ServiceHours.is24h(candidate.service.hours());
            String reason = candidate.describe(urgent, fallback);
            targets.add(new ReferralTarget(candidate.organization, candidate.service, need, candidate.level,
                    fallback, reason));
            rules.add("target: " + candidate.organization.name() + " for " + need + " (" + reason + ")");
            chosen++;
        }
        if (chosen == 0) {
            rules.add("no target for " + need + (urgent
                    ? ": no open service covers it here and no 24-hour national line covers it"
                    : ": no service covers it here"));
        }
    }

    /** One service of an organisation, with how closely it covers the contact's location. */
    private static final class Candidate {
        final OrganizationUpserted organization;
        final OrganizationUpserted.Service service;
        AreaLevel level;

        Candidate(OrganizationUpserted organization, OrganizationUpserted.Service service) {
            this.organization = organization;
            this.service = service;
        }

        /** Why this candidate may not be a target, or null when it may. */
        String exclusion(ContactFacts contact, Assessment assessment, boolean urgent, Instant at) {
            if (organization.emergencyDispatch()) {
                return "emergency dispatch, not a referral target";
            }
            if (organization.lawEnforcement() && !assessment.lawEnforcementReferral()) {
                return "law enforcement, and no consent, minor or imminent danger allows a referral";
            }
            Set<Audience> audiences = organization.audiences() == null ? Set.of() : organization.audiences();
            if (audiences.contains(Audience.YOUTH) && !contact.indicators().contains(Indicator.MINOR_INVOLVED)) {
                return "audience YOUTH, no minor involved";
            }
            if (audiences.contains(Audience.LAW_ENFORCEMENT_ONLY) && !assessment.lawEnforcementReferral()) {
                return "audience LAW_ENFORCEMENT_ONLY, not a law-enforcement referral";
            }
            Optional<AreaLevel> covered = AreaLevel.of(service.area(), contact.location());
            if (covered.isEmpty()) {
                return "out of area";
            }
            level = covered.get();
            if (urgent) {
                try {
                    if (!ServiceHours.of(service.hours()).isOpenAt(at)) {
                        return "closed at decision time";
                    }
                } catch (RuntimeException unreadableHours) {
                    return "opening hours unreadable";
                }
            }
            return null;
        }

        String describe(boolean urgent, boolean fallback) {
            String hours = ServiceHours.is24h(service.hours()) ? "24h" : urgent ? "open now" : "not urgent, hours not required";
            String lawEnforcement = organization.lawEnforcement() ? ", law enforcement" : "";
            String text = level.label() + ", " + hours + lawEnforcement;
            return fallback ? "fallback: no open local or state target; " + text : text;
        }
    }
}
