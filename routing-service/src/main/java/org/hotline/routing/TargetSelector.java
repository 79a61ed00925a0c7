package org.hotline.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * open local or state target goes to 24-hour national lines, marked as fallbacks. While the read model is empty, the
 * configured 24-hour national lines stand in for it and every target is a fallback.
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

    /** A selector without fallback lines: an empty read model gives no targets (and says so). */
    public TargetSelector() {
        this(DirectorySnapshot.empty());
    }

    /** @param fallbackLines the 24-hour national lines that stand in for an empty read model */
    public TargetSelector(CandidateSource fallbackLines) {
        this.fallbackLines = fallbackLines;
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
        for (Need need : needs(contact, assessment)) {
            new NeedSelection(need, contact, assessment, at, place, emptyDirectory).select(source, targets, rules);
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

    /** The choice for one need of one contact. */
    private static final class NeedSelection {
        private final Need need;
        private final ContactFacts contact;
        private final Assessment assessment;
        private final Instant at;
        private final Place place;
        private final boolean urgent;
        private final boolean emptyDirectory;

        NeedSelection(Need need, ContactFacts contact, Assessment assessment, Instant at, Place place,
                boolean emptyDirectory) {
            this.need = need;
            this.contact = contact;
            this.assessment = assessment;
            this.at = at;
            this.place = place;
            this.urgent = assessment.urgency() == Urgency.URGENT;
            this.emptyDirectory = emptyDirectory;
        }

        void select(CandidateSource source, List<ReferralTarget> targets, List<String> rules) {
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
            if (chosen == 0) {
                rules.add("no target for " + need + (urgent
                        ? ": no open service covers it here and no 24-hour national line covers it"
                        : ": no service covers it here"));
            }
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
            Candidate bestPossible = new Candidate(next, null, placement);
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
            Candidate best = null;
            String reason = null;
            for (ListedService service : organization.services()) {
                if (!service.covers(need)) {
                    continue;
                }
                AreaLevel level = service.area().levelFor(place);
                String serviceExcluded = level == null ? "out of area" : serviceExclusion(service);
                if (serviceExcluded == null) {
                    Candidate candidate = new Candidate(organization, service, level);
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
            if (organization.emergencyDispatch()) {
                return "emergency dispatch, not a referral target";
            }
            if (organization.lawEnforcement() && !assessment.lawEnforcementReferral()) {
                return "law enforcement, and no consent, minor or imminent danger allows a referral";
            }
            Set<Audience> audiences = organization.audiences();
            if (audiences.contains(Audience.YOUTH) && !contact.indicators().contains(Indicator.MINOR_INVOLVED)) {
                return "audience YOUTH, no minor involved";
            }
            if (audiences.contains(Audience.LAW_ENFORCEMENT_ONLY) && !assessment.lawEnforcementReferral()) {
                return "audience LAW_ENFORCEMENT_ONLY, not a law-enforcement referral";
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
        boolean listed;

        Candidate(ListedOrganization organization, ListedService service, AreaLevel level) {
            this.organization = organization;
            this.service = service;
            this.level = level;
        }

        String describe(boolean urgent, boolean fallback, boolean emptyDirectory) {
            String hours = service.open24h() ? "24h" : urgent ? "open now" : "not urgent, hours not required";
            String lawEnforcement = organization.lawEnforcement() ? ", law enforcement" : "";
            String text = level.label() + ", " + hours + lawEnforcement;
            if (emptyDirectory) {
                return "fallback: directory read model empty; " + text;
            }
            return fallback ? "fallback: no open local or state target; " + text : text;
        }
    }
}
