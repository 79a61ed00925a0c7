package org.hotline.routing.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.hotline.calendar.BusinessCalendar;
import org.hotline.contracts.EventFormatException;
import org.hotline.contracts.events.ReferralIssued;
import org.hotline.contracts.events.RoutingDecided;
import org.hotline.contracts.events.TipMessageAdded;
import org.hotline.contracts.vocabulary.ConsentBasis;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.platform.outbox.OutboxWriter;
import org.hotline.routing.Assessment;
import org.hotline.routing.ContactFacts;
import org.hotline.routing.Decision;
import org.hotline.routing.Referral;
import org.hotline.routing.ReferralTarget;
import org.hotline.routing.ResourceProposer;
import org.hotline.routing.RoutingRules;
import org.hotline.routing.TargetSelection;
import org.hotline.routing.TargetSelector;
import org.hotline.routing.repository.DecisionRepository;
import org.hotline.routing.repository.ReferralRepository;
import org.jboss.logging.Logger;

/**
 * Decides each contact once, chooses its referral targets from the directory read model, and publishes the decision
 * and one {@code hotline.referral.issued} per referral through the outbox, in the caller's transaction.
 */
@ApplicationScoped
public class RoutingService {

    private static final Logger LOG = Logger.getLogger(RoutingService.class);

    private final RoutingRules rules;
    /** Decision-time histogram buckets: fine below 5 ms (the target p99), coarse above. */
    private static final double[] DECISION_BUCKETS_MS = {0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6,
        0.7, 0.8, 0.9, 1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9, 10, 12.5, 15, 20, 25, 30, 40, 50, 75,
        100, 250, 500, 1000};

    private final TargetSelector selector;
    private final Timer decisionTime;
    private final DirectoryReadModel directory;
    private final DecisionRepository decisions;
    private final ReferralRepository referralRows;
    private final OutboxWriter outbox;
    private final ReferralEvents referralEvents;
    private final Clock clock;
    private final MeterRegistry registry;
    private final RoutingCalendar calendar;
    private final ResourceCatalogue resourceCatalogue;

    public RoutingService(RoutingRules rules, TargetSelector selector, DirectoryReadModel directory,
            DecisionRepository decisions, ReferralRepository referralRows, OutboxWriter outbox,
            ReferralEvents referralEvents, Clock clock, MeterRegistry registry, RoutingCalendar calendar,
            ResourceCatalogue resourceCatalogue) {
        this.resourceCatalogue = resourceCatalogue;
        this.rules = rules;
        this.selector = selector;
        this.directory = directory;
        this.decisions = decisions;
        this.referralRows = referralRows;
        this.outbox = outbox;
        this.referralEvents = referralEvents;
        this.clock = clock;
        this.registry = registry;
        this.calendar = calendar;
        this.decisionTime = Timer.builder("hotline.routing.decision")
                .description("Time spent deciding a contact: the rules, bringing the directory index up to date, the"
                        + " candidate look-up and target selection (not storing or publishing the decision)")
                .serviceLevelObjectives(Arrays.stream(DECISION_BUCKETS_MS)
                        .mapToObj(ms -> Duration.ofNanos(Math.round(ms * 1_000_000))).toArray(Duration[]::new))
                .register(registry);
    }

    /**
     * Counts the needs a decision leaves without any target ({@code hotline.routing.unmet.needs}, by urgency and need):
     * an urgent one means the fallback chain is misconfigured (deploy/ alerts on it).
     */
    private void countUnmet(TargetSelection selection, Assessment assessment) {
        for (var need : selection.unmetNeeds()) {
            registry.counter("hotline.routing.unmet.needs", "urgency", assessment.urgency().name(), "need",
                    need.name()).increment();
        }
    }

    /** Returns the decision for the contact, making it only if none exists yet for its reference. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Decision decide(ContactFacts contact) {
        Optional<Decision> earlier = decisions.findByReference(contact.reference());
        if (earlier.isPresent()) {
            LOG.infof("Contact %s already decided; no second decision", contact.reference());
            return earlier.get();
        }
        Instant now = now();
        BusinessCalendar today = calendar.current();
        long start = System.nanoTime();
        Assessment assessment = rules.assess(contact, today);
        TargetSelection selection = selector.select(contact, assessment, now, directory.candidates());
        decisionTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        countUnmet(selection, assessment);
        List<RoutingDecided.Referral> referrals = new ArrayList<>();
        List<ReferralIssued> issued = new ArrayList<>();
        for (ReferralTarget target : selection.targets()) {
            RoutingDecided.Referral referral = target.toReferral(UUID.randomUUID());
            referrals.add(referral);
            issued.add(issued(contact, assessment, target, referral, now));
        }
        ResourceProposer.Proposal proposal = proposeResources(contact, now);
        List<String> explanation = new ArrayList<>(selection.rules());
        explanation.addAll(proposal.rules());
        Decision decision = new Decision(contact, withRules(assessment, List.of(), explanation), referrals,
                proposal.resources(), now);
        decisions.persist(decision);
        outbox.append(contact.reference(), decision.toEvent());
        issued.forEach(this::issue);
        return decision;
    }

    /**
     * Re-assesses a decision with what a reporter's later message adds; publishes the decision again only when its
     * outcome changed (e.g. the reporter now says someone is in danger) or it gains referral targets. Referrals
     * already issued are never issued again; only new targets are.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Decision reassess(TipMessageAdded message) {
        Decision decision = decisions.findByReference(message.reference())
                .orElseThrow(() -> new EventFormatException("hotline.tip.message-added for a tip without a decision"));
        if (decision.facts() == null) {
            throw new EventFormatException("hotline.tip.message-added for a decision kept without its facts");
        }
        Instant now = now();
        BusinessCalendar today = calendar.current();
        long start = System.nanoTime();
        ContactFacts facts = decision.facts().with(message.indicators(), message.needs());
        Assessment assessment = rules.assess(facts, today);
        TargetSelection selection = selector.select(facts, assessment, now, directory.candidates());
        decisionTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        countUnmet(selection, assessment);

        Set<String> alreadyReferred = new HashSet<>();
        decision.referrals().forEach(r -> alreadyReferred.add(key(r.organizationId(), r.need())));
        List<RoutingDecided.Referral> newReferrals = new ArrayList<>();
        List<ReferralIssued> issued = new ArrayList<>();
        for (ReferralTarget target : selection.targets()) {
            if (alreadyReferred.contains(key(target.organizationId(), target.need()))) {
                continue;
            }
            RoutingDecided.Referral referral = target.toReferral(UUID.randomUUID());
            newReferrals.add(referral);
            issued.add(issued(facts, assessment, target, referral, now));
        }
        boolean changed = decision.differsFrom(assessment) || !newReferrals.isEmpty();
        decision.reassess(facts, withRules(assessment,
                List.of("re-assessed after the reporter's message of " + message.receivedAt()),
                withIssuedCount(selection.rules(), newReferrals.size(), decision.referrals().size())), newReferrals,
                now);
        if (changed) {
            outbox.append(decision.reference(), decision.toEvent());
            issued.forEach(this::issue);
        }
        return decision;
    }

    /**
     * Re-refers an urgent referral no partner acknowledged in time (called by the escalation sweep, in the transaction
     * that marks it escalated, so once per escalation): the next open, admitted candidate for the need among those not
     * yet referred for it, or the fallback chain; the decision explains it, says whom staff should call, and is
     * published again. Without a decision (a row inserted by hand) only the escalation is recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reRefer(Referral escalated, Duration timeout) {
        Optional<Decision> found = decisions.findByReference(escalated.reference());
        if (found.isEmpty() || found.get().facts() == null) {
            LOG.infof("Escalated referral %s has no decision with facts: not re-referred", escalated.referralId());
            return;
        }
        Decision decision = found.get();
        Instant now = now();
        Assessment assessment = rules.assess(decision.facts(), calendar.current());
        Set<UUID> referred = new HashSet<>();
        decision.referrals().stream().filter(r -> r.need() == escalated.need())
                .forEach(r -> referred.add(r.organizationId()));
        TargetSelection selection = selector.reselect(escalated.need(), decision.facts(), assessment, now,
                directory.candidates(), referred);
        countUnmet(selection, assessment);
        List<String> explanation = new ArrayList<>();
        explanation.add("escalation: " + escalated.organizationName() + " did not acknowledge the urgent referral for "
                + escalated.need() + " within " + timeout.toMinutes() + " min");
        explanation.addAll(selection.rules());
        RoutingDecided.Referral referral = null;
        if (selection.targets().isEmpty()) {
            explanation.add("needs a call: no other line takes " + escalated.need() + " now; call the contact back");
        } else {
            ReferralTarget target = selection.targets().get(0);
            referral = target.toReferral(UUID.randomUUID());
            explanation.add("needs a call: re-referred to " + target.organization().name() + " ("
                    + target.service().phone() + ") for " + target.need() + "; call them now");
            issue(issued(decision.facts(), assessment, target, referral, now));
        }
        decision.escalated(explanation, referral, now);
        outbox.append(decision.reference(), decision.toEvent());
    }

    /**
     * The library's resources for a general-information or training request, from routing's catalogue read model;
     * nothing (and no catalogue read) for any other call type.
     */
    private ResourceProposer.Proposal proposeResources(ContactFacts contact, Instant now) {
        if (!ResourceProposer.proposesFor(contact)) {
            return new ResourceProposer.Proposal(List.of(), List.of());
        }
        return ResourceProposer.propose(contact, resourceCatalogue.current(), LocalDate.ofInstant(now, ZoneOffset.UTC));
    }

    /**
     * Keeps the referral as a row (the partner feed, acknowledgement, escalation) and publishes it, keyed by partner
     * (and on the partner's own topic when it reads Kafka).
     */
    private void issue(ReferralIssued referral) {
        referralRows.persist(new Referral(referral));
        referralEvents.append(referral.organizationId(), referral);
    }

    /** Now, at PostgreSQL's precision, so a stored issue time equals the published one (and feed cursors match). */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** The referral event: indicators and location only (routing holds no personal data), and the consent basis. */
    private static ReferralIssued issued(ContactFacts contact, Assessment assessment, ReferralTarget target,
            RoutingDecided.Referral referral, Instant at) {
        ConsentBasis basis = target.lawEnforcement() ? assessment.lawEnforcementBasis()
                : ConsentBasis.NOT_LAW_ENFORCEMENT;
        return new ReferralIssued(referral.referralId(), contact.reference(), referral.organizationId(),
                referral.organizationName(), referral.need(), assessment.urgency(), target.lawEnforcement(), basis,
                referral.fallback(), contact.indicators(), contact.location(), at);
    }

    private static Assessment withRules(Assessment assessment, List<String> before, List<String> after) {
        List<String> all = new ArrayList<>(before);
        all.addAll(assessment.rules());
        all.addAll(after);
        return new Assessment(assessment.urgency(), assessment.handling(), assessment.emergencyAdvised(),
                assessment.lawEnforcementBasis(), assessment.lawEnforcementReferral(), List.copyOf(all));
    }

    private static List<String> withIssuedCount(List<String> selectionRules, int issuedNow, int issuedBefore) {
        List<String> all = new ArrayList<>(selectionRules);
        all.add("referrals: " + issuedNow + " new, " + issuedBefore + " issued earlier and not issued again");
        return all;
    }

    private static String key(UUID organizationId, Need need) {
        return organizationId + "/" + need;
    }
}
