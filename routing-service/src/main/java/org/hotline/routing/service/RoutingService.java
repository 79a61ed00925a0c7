package org.hotline.routing.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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
    private final TargetSelector selector = new TargetSelector();
    private final DirectoryReadModel directory;
    private final DecisionRepository decisions;
    private final ReferralRepository referralRows;
    private final OutboxWriter outbox;
    private final Clock clock;

    public RoutingService(RoutingRules rules, DirectoryReadModel directory, DecisionRepository decisions,
            ReferralRepository referralRows, OutboxWriter outbox, Clock clock) {
        this.rules = rules;
        this.directory = directory;
        this.decisions = decisions;
        this.referralRows = referralRows;
        this.outbox = outbox;
        this.clock = clock;
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
        Assessment assessment = rules.assess(contact);
        TargetSelection selection = selector.select(contact, assessment, now, directory.candidates());
        List<RoutingDecided.Referral> referrals = new ArrayList<>();
        List<ReferralIssued> issued = new ArrayList<>();
        for (ReferralTarget target : selection.targets()) {
            RoutingDecided.Referral referral = target.toReferral(UUID.randomUUID());
            referrals.add(referral);
            issued.add(issued(contact, assessment, target, referral, now));
        }
        Decision decision = new Decision(contact, withRules(assessment, List.of(), selection.rules()), referrals, now);
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
        ContactFacts facts = decision.facts().with(message.indicators(), message.needs());
        Assessment assessment = rules.assess(facts);
        TargetSelection selection = selector.select(facts, assessment, now, directory.candidates());

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

    /** Keeps the referral as a row (the partner feed, acknowledgement, escalation) and publishes it, keyed by partner. */
    private void issue(ReferralIssued referral) {
        referralRows.persist(new Referral(referral));
        outbox.append(referral.organizationId().toString(), referral);
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
