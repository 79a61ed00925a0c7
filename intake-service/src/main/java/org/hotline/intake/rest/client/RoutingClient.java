package org.hotline.intake.rest.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** routing-service's decisions, for the state staff see on a contact. */
@RegisterClientHeaders
@RegisterRestClient(configKey = "routing")
@Path("/api/v1/decisions")
public interface RoutingClient {

    @GET
    @Path("/{reference}")
    Decision decision(@PathParam("reference") String reference);

    /** A decision as routing-service shows it. */
    record Decision(String urgency, String handling, boolean emergencyAdvised, boolean lawEnforcementReferral,
            List<Referral> referrals, List<String> rules, Instant decidedAt) {
    }

    /** One referral of a decision. */
    record Referral(UUID referralId, UUID organizationId, String organizationName, String phone, String need,
            boolean fallback, String reason) {
    }
}
