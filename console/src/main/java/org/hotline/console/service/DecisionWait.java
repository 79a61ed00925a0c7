package org.hotline.console.service;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hotline.console.client.Decision;
import org.hotline.console.client.RoutingApi;
import org.hotline.console.config.ConsoleConfig;

/**
 * Waits, boundedly, for routing's decision on a contact: routing decides from the contact's event a moment after
 * intake stored it, so the first look usually finds nothing. The page then shows "deciding…" and looks again.
 */
@ApplicationScoped
public class DecisionWait {

    private static final Duration POLL = Duration.ofMillis(250);

    private final RoutingApi routing;
    private final Duration bound;

    @Inject
    public DecisionWait(@RestClient RoutingApi routing, ConsoleConfig config) {
        this.routing = routing;
        this.bound = config.decisionWait();
    }

    /** The decision, if routing has one within the bound; empty means "still deciding". */
    public Optional<Decision> await(String reference) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            Optional<Decision> decision = find(reference);
            if (decision.isPresent() || System.nanoTime() >= deadline) {
                return decision;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** One look: routing answers 404 until it has decided. */
    public Optional<Decision> find(String reference) {
        try {
            return Optional.of(routing.decision(reference));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
