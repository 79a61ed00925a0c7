package org.hotline.followup.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hotline.followup.rest.RoutingStatus;
import org.hotline.followup.rest.client.IntakeClient;
import org.hotline.platform.SafeThrowables;
import org.jboss.logging.Logger;

/**
 * Asks intake-service, which stamps each contact when routing's decision arrives, how many contacts have waited over a
 * minute without one (its {@code GET /api/v1/contacts/unrouted}). Follow-up cannot count them itself: it only ever
 * sees contacts that routing decided. Asked with the viewer's token, briefly (the rest client's time-outs); an intake
 * that does not answer makes the dashboard say it could not ask, never zero.
 */
@ApplicationScoped
public class UnroutedContacts {

    private static final Logger LOG = Logger.getLogger(UnroutedContacts.class);

    private final IntakeClient intake;

    public UnroutedContacts(@RestClient IntakeClient intake) {
        this.intake = intake;
    }

    public RoutingStatus status(String rawToken) {
        if (rawToken == null) {
            return new RoutingStatus(null);
        }
        try {
            return new RoutingStatus(intake.unrouted("Bearer " + rawToken).count());
        } catch (RuntimeException e) {
            LOG.debugf("Unrouted contacts not read from intake: %s", SafeThrowables.describe(e));
            return new RoutingStatus(null);
        }
    }
}
