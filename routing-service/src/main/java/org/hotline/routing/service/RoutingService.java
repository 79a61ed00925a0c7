package org.hotline.routing.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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
}
