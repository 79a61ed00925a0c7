package org.hotline.intake.service;

import java.util.function.Supplier;

import jakarta.ws.rs.WebApplicationException;

import org.hotline.platform.SafeThrowables;
import org.jboss.logging.Logger;

/**
 * What another service holds about a contact, looked up when staff read it: found, not there (yet), or the service
 * did not answer. A read must never fail because routing or follow-up is down.
 */
public record RelatedState<T>(Availability status, T value) {

    private static final Logger LOG = Logger.getLogger(RelatedState.class);

    /** Whether the other service had something for this contact. */
    public enum Availability {
        FOUND,
        NONE,
        UNAVAILABLE
    }

    static <T> RelatedState<T> lookUp(String what, Supplier<T> call) {
        try {
            return new RelatedState<>(Availability.FOUND, call.get());
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return new RelatedState<>(Availability.NONE, null);
            }
            LOG.warnf("%s unavailable: %s", what, SafeThrowables.describe(e));
            return new RelatedState<>(Availability.UNAVAILABLE, null);
        } catch (RuntimeException e) {
            LOG.warnf("%s unavailable: %s", what, SafeThrowables.describe(e));
            return new RelatedState<>(Availability.UNAVAILABLE, null);
        }
    }
}
