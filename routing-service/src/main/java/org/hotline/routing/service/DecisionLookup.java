package org.hotline.routing.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.contracts.events.RoutingDecided;
import org.hotline.routing.Decision;
import org.hotline.routing.repository.DecisionRepository;

/** A contact's routing decision as it was published, for the API. */
@ApplicationScoped
public class DecisionLookup {

    private final DecisionRepository decisions;

    public DecisionLookup(DecisionRepository decisions) {
        this.decisions = decisions;
    }

    @Transactional
    public Optional<RoutingDecided> byReference(String reference) {
        return decisions.findByReference(reference).map(Decision::toEvent);
    }
}
