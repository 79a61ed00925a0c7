package org.hotline.routing.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.contracts.EventFormatException;
import org.hotline.contracts.events.TipMessageAdded;
import org.hotline.routing.Assessment;
import org.hotline.routing.ContactFacts;
import org.hotline.routing.Decision;
import org.hotline.routing.RoutingRules;
import org.hotline.routing.repository.DecisionRepository;
import org.hotline.platform.outbox.OutboxWriter;
import org.jboss.logging.Logger;

/** Decides each contact once and publishes the decision through the outbox, in the caller's transaction. */
@ApplicationScoped
public class RoutingService {

    private static final Logger LOG = Logger.getLogger(RoutingService.class);

    private final RoutingRules rules;
    private final DecisionRepository decisions;
    private final OutboxWriter outbox;
    private final Clock clock;

    public RoutingService(RoutingRules rules, DecisionRepository decisions, OutboxWriter outbox, Clock clock) {
        this.rules = rules;
        this.decisions = decisions;
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
        Assessment assessment = rules.assess(contact);
        Decision decision = new Decision(contact, assessment, List.of(), Instant.now(clock));
        decisions.persist(decision);
        outbox.append(contact.reference(), decision.toEvent());
        return decision;
    }

    /**
     * Re-assesses a decision with what a reporter's later message adds; publishes the decision again only when its
     * outcome changed (e.g. the reporter now says someone is in danger).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Decision reassess(TipMessageAdded message) {
        Decision decision = decisions.findByReference(message.reference())
                .orElseThrow(() -> new EventFormatException("hotline.tip.message-added for a tip without a decision"));
        if (decision.facts() == null) {
            throw new EventFormatException("hotline.tip.message-added for a decision kept without its facts");
        }
        ContactFacts facts = decision.facts().with(message.indicators(), message.needs());
        Assessment assessment = rules.assess(facts);
        boolean changed = decision.differsFrom(assessment);
        List<String> reasons = new java.util.ArrayList<>(assessment.rules());
        reasons.add(0, "re-assessed after the reporter's message of " + message.receivedAt());
        decision.reassess(facts, new Assessment(assessment.urgency(), assessment.handling(),
                assessment.emergencyAdvised(), assessment.lawEnforcementBasis(), assessment.lawEnforcementReferral(),
                List.copyOf(reasons)), Instant.now(clock));
        if (changed) {
            outbox.append(decision.reference(), decision.toEvent());
        }
        return decision;
    }
}
