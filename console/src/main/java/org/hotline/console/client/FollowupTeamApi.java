package org.hotline.console.client;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** followup-service's calendar closures and staff members, called as the signed-in supervisor. */
@RegisterRestClient(configKey = "followup")
@RegisterProvider(AccessTokenPropagation.class)
@Path("/api/v1")
public interface FollowupTeamApi {

    @GET
    @Path("/calendar/closures")
    List<Closure> closures();

    /** Adds a closure; the answer says how many open follow-ups it moved. */
    @POST
    @Path("/calendar/closures")
    Closure addClosure(ClosureRequest closure);

    /** Removes a closure; the answer says how many open follow-ups moved back. */
    @DELETE
    @Path("/calendar/closures/{id}")
    Closure removeClosure(@PathParam("id") UUID id);

    @GET
    @Path("/staff-members")
    List<StaffMember> staffMembers();
}
