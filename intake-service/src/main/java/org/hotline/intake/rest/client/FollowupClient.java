package org.hotline.intake.rest.client;

import java.time.OffsetDateTime;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** followup-service, for the reply date the form promises and the follow-up state staff see on a contact. */
@RegisterClientHeaders
@RegisterRestClient(configKey = "followup")
@Path("/api/v1")
public interface FollowupClient {

    /** The same calculator that schedules follow-ups promises the reply date. */
    @GET
    @Path("/sla/quote")
    Quote quote(@QueryParam("receivedAt") String receivedAt);

    @GET
    @Path("/followups/{reference}")
    Followup followup(@PathParam("reference") String reference);

    /** The quote's times, with the Eastern offset. */
    record Quote(OffsetDateTime clockStartsAt, OffsetDateTime targetAt, OffsetDateTime breachAt) {
    }

    /** A follow-up as followup-service shows it. */
    record Followup(String status, OffsetDateTime targetAt, OffsetDateTime breachAt, boolean atRisk, boolean breached,
            OffsetDateTime completedAt) {
    }
}
