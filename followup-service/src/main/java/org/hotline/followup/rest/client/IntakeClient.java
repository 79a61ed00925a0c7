package org.hotline.followup.rest.client;

import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** intake-service, asked how many contacts it accepted over a minute ago have no routing decision. */
@RegisterRestClient(configKey = "intake")
@Path("/api/v1/contacts")
public interface IntakeClient {

    /** Called with the dashboard viewer's own bearer token: intake lets staff see the count. */
    @GET
    @Path("/unrouted")
    Unrouted unrouted(@HeaderParam("Authorization") String authorization);

    /** As intake answers it. */
    record Unrouted(long count, long afterSeconds, Instant oldestAcceptedAt) {
    }
}
