package org.hotline.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.Urgency;

/**
 * Chooses whom a contact is referred to (DESIGN §5 "Referral targets"), from the directory read model only. Pure: the
 * same contact, assessment, instant and candidates always give the same targets and the same explanation.
 *
 * <p>Per need: services covering it, in the contact's area, whose organisation's audiences admit the contact
 * ({@link AudienceRules}), never emergency dispatch (911 only drives {@code emergencyAdvised}), law enforcement only
 * when the assessment makes a law-enforcement referral, and for URGENT contacts open at the decision instant in their
 * own time zone. Ranked local over state over national, then most recently verified; at most {@value #PER_NEED} per
 * need. An urgent need with no open local or state target goes to 24-hour national lines, marked as fallbacks. While
 * the read model is empty, the configured 24-hour national lines stand in for it and every target is a fallback.
 *
 * <p>An urgent contact is never left without a number: a need no open, admitted candidate takes falls back to a
 * configured 24-hour national line for that need, then to the hotline's own 24-hour line (the last resort), each
 * marked as a fallback with its reason; an urgent contact with no need at all gets the last-resort line. A need that
 * still has no target is named in {@link TargetSelection#unmetNeeds()} and explained in one rule.
 *
 * <p>The explanation stays bounded however large the directory: the {@value #EXPLAINED_PER_NEED} best-placed
 * candidates of each need (those whose area covers the contact) are examined and explained one line each; further
 * candidates are examined only while one could still outrank a chosen target, and explained by count per reason;
 * the rest are counted as not examined; organisations offering the need elsewhere are counted as out of area.
 */
public final class TargetSelector {

    /** At most this many targets per need. */
    public static final int PER_NEED = 2;

    /** Candidates per need always examined and explained one line each, best placed first. */
    public static final int EXPLAINED_PER_NEED = 20;

    public static final String EMPTY_DIRECTORY =
            "directory read model empty: referrals fall back to the 24-hour national lines";

    private static final String RANKED_BELOW = "ranked below " + PER_NEED + " better targets";

    private static final Comparator<Candidate> RANKING = Comparator
            .comparing((Candidate c) -> c.level)
            .thenComparing(c -> c.organization, DirectorySnapshot.WITHIN_LEVEL);

    private final CandidateSource fallbackLines;
    private final AudienceRules audiences;
    private final LastResort lastResort;

    /**
     * @param fallbackLines the 24-hour national lines that stand in for an empty read model and that an urgent need
     *                      falls back to
     * @param audiences     which contacts each audience admits
     * @param lastResort    the hotline's own 24-hour line, or null for none (an urgent need may then stay unmet)
     */
    public TargetSelector(CandidateSource fallbackLines, AudienceRules audiences, LastResort lastResort) {
        this.fallbackLines = fallbackLines;
        this.audiences = audiences;
        this.lastResort = lastResort;
    }

    /**
     * The hotline's own 24-hour line, for the caller to be connected to a specialist when nothing else is open.
     *
     * @param generalNeed the need its referral is recorded under when an urgent contact names no need at all
     */
    public record LastResort(ListedOrganization line, Need generalNeed) {

        public ListedService service() {
            return line.services().get(0);
        }
    }

    public TargetSelection select(ContactFacts contact, Assessment assessment, Instant at, CandidateSource directory) {
        boolean emptyDirectory = directory.isEmpty();
        CandidateSource source = emptyDirectory ? fallbackLines : directory;
        List<ReferralTarget> targets = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        if (emptyDirectory) {
            rules.add(EMPTY_DIRECTORY);
        }
        Place place = Place.of(contact.location());
        Set<Need> unmet = EnumSet.noneOf(Need.class);
        for (Need need : needs(contact, assessment)) {
            if (!new NeedSelection(need, contact, assessment, at, place, emptyDirectory, Set.of()).select(source,
                    targets, rules)) {
                unmet.add(need);
            }
        }
        if (targets.isEmpty() && unmet.isEmpty() && assessment.urgency() == Urgency.URGENT && lastResort != null) {
            String reason = "fallback: urgent, and no need names a service; " + LAST_RESORT;
            targets.add(new ReferralTarget(lastResort.line(), lastResort.service(), lastResort.generalNeed(),
                    AreaLevel.NATIONAL, true, reason));
            rules.add("target: " + lastResort.line().name() + " for " + lastResort.generalNeed() + " (" + reason
                    + ")");
        }
        return new TargetSelection(targets, rules, unmet);
    }

    private static final String LAST_RESORT = "the hotline's 24-hour line connects the caller to a specialist";

    /**
     * The next target for one need of an urgent contact whose referral went unacknowledged (escalation): the best
     * open, admitted candidate among the organisations not yet referred for it, else the fallback chain (again without
     * those organisations); at most one target, explained as {@link #select} explains.
     */
    public TargetSelection reselect(Need need, ContactFacts contact, Assessment assessment, Instant at,
            CandidateSource directory, Set<UUID> alreadyReferred) {
        boolean emptyDirectory = directory.isEmpty();
        List<ReferralTarget> targets = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        NeedSelection selection = new NeedSelection(need, contact, assessment, at, Place.of(contact.location()),
                emptyDirectory, alreadyReferred);
        boolean met = selection.select(emptyDirectory ? fallbackLines : directory, targets, rules);
        List<ReferralTarget> first = targets.isEmpty() ? List.of() : List.of(targets.get(0));
        return new TargetSelection(first, rules, met ? Set.of() : Set.of(need));
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

    /** The choice for one need of one contact. */
    private final class NeedSelection {
        private final Need need;
        private final ContactFacts contact;
        private final Assessment assessment;
        private final Instant at;
        private final Place place;
        private final boolean urgent;
        private final boolean emptyDirectory;
        /** Organisations already referred for this need and not to be chosen again (an escalation's re-referral). */
        private final Set<UUID> excluded;

        NeedSelection(Need need, ContactFacts contact, Assessment assessment, Instant at, Place place,
                boolean emptyDirectory, Set<UUID> excluded) {
            this.need = need;
            this.contact = contact;
            this.assessment = assessment;
            this.at = at;
            this.place = place;
            this.urgent = assessment.urgency() == Urgency.URGENT;
            this.emptyDirectory = emptyDirectory;
            this.excluded = excluded;
        }

        /** Adds the need's targets and their explanation; false when the need is left without a target. */
        boolean select(CandidateSource source, List<ReferralTarget> targets, List<String> rules) {
            List<ListedOrganization> covering = source.covering(need, place);
            List<Candidate> eligible = new ArrayList<>();
            Map<String, Integer> passedOverUnlisted = new LinkedHashMap<>();
            int examined = 0;
            for (ListedOrganization organization : covering) {
                if (examined >= EXPLAINED_PER_NEED && targetsAreCertain(eligible, organization)) {
                    break;
                }
                boolean listed = examined < EXPLAINED_PER_NEED;
                examined++;
                Evaluation evaluation = evaluate(organization);
                if (evaluation.best != null) {
                    evaluation.best.listed = listed;
                    insertRanked(eligible, evaluation.best);
                } else if (listed) {
                    rules.add("passed over: " + organization.name() + " for " + need + " (" + evaluation.reason + ")");
                } else {
                    passedOverUnlisted.merge(evaluation.reason, 1, Integer::sum);
                }
            }
            boolean localOrStateTarget = eligible.stream().anyMatch(c -> c.level != AreaLevel.NATIONAL);
            int chosen = 0;
            for (Candidate candidate : eligible) {
                if (chosen == PER_NEED) {
                    if (candidate.listed) {
                        rules.add("passed over: " + candidate.organization.name() + " for " + need + " ("
                                + RANKED_BELOW + ")");
                    } else {
                        passedOverUnlisted.merge(RANKED_BELOW, 1, Integer::sum);
                    }
                    continue;
                }
                boolean fallback = emptyDirectory || (urgent && !localOrStateTarget
                        && candidate.level == AreaLevel.NATIONAL && candidate.service.open24h());
                String reason = candidate.describe(urgent, fallback, emptyDirectory);
                targets.add(new ReferralTarget(candidate.organization, candidate.service, need, candidate.level,
                        fallback, reason));
                rules.add("target: " + candidate.organization.name() + " for " + need + " (" + reason + ")");
                chosen++;
            }
            summarise(rules, passedOverUnlisted, covering.size() - examined, source.offering(need) - covering.size());
            if (chosen == 0 && urgent) {
                return fallBack(targets, rules);
            }
            if (chosen == 0) {
                rules.add("no target for " + need + ": no service covers it here");
            }
            return chosen > 0;
        }

        /**
         * The urgent need's chain when no candidate is open and admitted: a configured 24-hour national line for the
         * need (already tried when it stood in for an empty read model), then the hotline's own 24-hour line.
         */
        private boolean fallBack(List<ReferralTarget> targets, List<String> rules) {
            if (!emptyDirectory) {
                for (ListedOrganization line : fallbackLines.covering(need, place)) {
                    Evaluation evaluation = evaluate(line);
                    if (evaluation.best != null) {
                        String reason = "fallback: no open, admitted service for " + need + " here; 24-hour national"
                                + " line" + evaluation.best.admission();
                        targets.add(new ReferralTarget(line, evaluation.best.service, need, AreaLevel.NATIONAL, true,
                                reason));
                        rules.add("target: " + line.name() + " for " + need + " (" + reason + ")");
                        return true;
                    }
                }
            }
            if (lastResort != null && !excluded.contains(lastResort.line().id())) {
                String reason = "fallback: no open line for " + need + " admits the contact; " + LAST_RESORT;
                targets.add(new ReferralTarget(lastResort.line(), lastResort.service(), need, AreaLevel.NATIONAL,
                        true, reason));
                rules.add("target: " + lastResort.line().name() + " for " + need + " (" + reason + ")");
                return true;
            }
            rules.add("no target for " + need + ": no open service covers it here, no 24-hour national line admits"
                    + " the contact and no last-resort line is " + (lastResort == null ? "configured" : "left"));
            return false;
        }

        /**
         * Whether no candidate from {@code next} on can displace a chosen target: the {@value #PER_NEED} best eligible
         * rank above the best {@code next} could be (candidates come best placed first, and a candidate's actual rank
         * is never better than its placement).
         */
        private boolean targetsAreCertain(List<Candidate> eligible, ListedOrganization next) {
            if (eligible.size() < PER_NEED) {
                return false;
            }
            AreaLevel placement = placement(next);
            if (placement == null) {
                return false;
            }
            Candidate bestPossible = new Candidate(next, null, placement, null);
            return RANKING.compare(eligible.get(PER_NEED - 1), bestPossible) < 0;
        }

        /** The most local level of the organisation's services covering the need here, ignoring exclusions. */
        private AreaLevel placement(ListedOrganization organization) {
            AreaLevel best = null;
            for (ListedService service : organization.services()) {
                if (service.covers(need)) {
                    AreaLevel level = service.area().levelFor(place);
                    if (level != null && (best == null || level.compareTo(best) < 0)) {
                        best = level;
                    }
                }
            }
            return best;
        }

        /** The organisation's best eligible service for the need, or the first reason it is passed over. */
        private Evaluation evaluate(ListedOrganization organization) {
            String excluded = organizationExclusion(organization);
            if (excluded != null) {
                return new Evaluation(null, excluded);
            }
            AudienceRules.Admission admission = audiences.admission(organization.audiences(), contact,
                    assessment.lawEnforcementReferral());
            if (!admission.admitted()) {
                return new Evaluation(null, admission.explanation());
            }
            String language = audiences.languageRefusal(organization, contact);
            if (language != null) {
                return new Evaluation(null, language);
            }
            Candidate best = null;
            String reason = null;
            for (ListedService service : organization.services()) {
                if (!service.covers(need)) {
                    continue;
                }
                AreaLevel level = service.area().levelFor(place);
                String serviceExcluded = level == null ? "out of area" : serviceExclusion(service);
                if (serviceExcluded == null) {
                    Candidate candidate = new Candidate(organization, service, level, admission.explanation());
                    if (best == null || level.compareTo(best.level) < 0) {
                        best = candidate;
                    }
                } else if (reason == null) {
                    reason = serviceExcluded;
                }
            }
            return new Evaluation(best, reason);
        }

        private String organizationExclusion(ListedOrganization organization) {
            if (excluded.contains(organization.id())) {
                return "already referred for " + need + ", no acknowledgement";
            }
            if (organization.emergencyDispatch()) {
                return "emergency dispatch, not a referral target";
            }
            if (organization.lawEnforcement() && !assessment.lawEnforcementReferral()) {
                return "law enforcement, and no consent, minor or imminent danger allows a referral";
            }
            return null;
        }

        private String serviceExclusion(ListedService service) {
            if (!urgent) {
                return null;
            }
            if (service.hours() == null) {
                return "opening hours unreadable";
            }
            return service.hours().isOpenAt(at) ? null : "closed at decision time";
        }

        private void summarise(List<String> rules, Map<String, Integer> passedOverUnlisted, int notExamined,
                int outOfArea) {
            if (!passedOverUnlisted.isEmpty()) {
                int count = passedOverUnlisted.values().stream().mapToInt(Integer::intValue).sum();
                StringBuilder line = new StringBuilder("passed over: " + count + " more for " + need + " (");
                passedOverUnlisted.forEach((reason, n) -> line.append(reason).append(": ").append(n).append("; "));
                line.setLength(line.length() - 2);
                rules.add(line.append(')').toString());
            }
            if (notExamined > 0) {
                rules.add("not examined: " + notExamined + " more for " + need + ", placed below the chosen targets");
            }
            if (outOfArea > 0) {
                rules.add("out of area: " + outOfArea + (outOfArea == 1 ? " other organisation offers " + need
                        : " other organisations offer " + need));
            }
        }

        private static void insertRanked(List<Candidate> eligible, Candidate candidate) {
            int at = eligible.size();
            while (at > 0 && RANKING.compare(eligible.get(at - 1), candidate) > 0) {
                at--;
            }
            eligible.add(at, candidate);
        }
    }

    private record Evaluation(Candidate best, String reason) {
    }

    /** One service of an organisation, with how closely it covers the contact's location. */
    private static final class Candidate {
        final ListedOrganization organization;
        final ListedService service;
        final AreaLevel level;
        /** What admits the contact to this organisation, e.g. "audience YOUTH: need ..."; null when it serves all. */
        final String admittedAs;
        boolean listed;

        Candidate(ListedOrganization organization, ListedService service, AreaLevel level, String admittedAs) {
            this.organization = organization;
            this.service = service;
            this.level = level;
            this.admittedAs = admittedAs;
        }

        String admission() {
            return admittedAs == null ? "" : "; " + admittedAs;
        }

        String describe(boolean urgent, boolean fallback, boolean emptyDirectory) {
            String hours = service.open24h() ? "24h" : urgent ? "open now" : "not urgent, hours not required";
            String lawEnforcement = organization.lawEnforcement() ? ", law enforcement" : "";
            String text = level.label() + ", " + hours + lawEnforcement + admission();
            if (emptyDirectory) {
                return "fallback: directory read model empty; " + text;
            }
            return fallback ? "fallback: no open local or state target; " + text : text;
        }
    }
}
