package org.hotline.console.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** followup-service, called as the signed-in person. */
@RegisterRestClient(configKey = "followup")
@RegisterProvider(AccessTokenPropagation.class)
@Path("/api/v1/followups")
public interface FollowupApi {

    /** Follow-ups in deadline order, the dashboard's order. */
    @GET
    ResultPage<Followup> list(@QueryParam("status") String status, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/backlog")
    Backlog backlog();

    @GET
    @Path("/{reference}")
    Followup get(@PathParam("reference") String reference);

    @POST
    @Path("/{reference}/claim")
    Followup claim(@PathParam("reference") String reference);

    @POST
    @Path("/{reference}/completion")
    Followup complete(@PathParam("reference") String reference, FollowupCompletion completion);

    /** Supervisor: gives the follow-up to the staff member with that token subject. */
    @POST
    @Path("/{reference}/assignment")
    Followup assign(@PathParam("reference") String reference, Assignment assignment);
}
