package org.hotline.console.client;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** intake-service's cases and case suggestions, called as the signed-in person (the same client settings). */
@RegisterRestClient(configKey = "intake")
@RegisterProvider(AccessTokenPropagation.class)
@Path("/api/v1")
public interface CaseApi {

    @GET
    @Path("/cases")
    ResultPage<CaseViews.Summary> cases(@QueryParam("status") String status, @QueryParam("open") String open,
            @QueryParam("assignee") String assignee, @QueryParam("typology") String typology,
            @QueryParam("state") String state, @QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/cases")
    CaseViews.Detail open(CaseViews.NewCase body);

    @GET
    @Path("/cases/{reference}")
    CaseViews.Detail get(@PathParam("reference") String reference);

    @PATCH
    @Path("/cases/{reference}")
    CaseViews.Detail change(@PathParam("reference") String reference, CaseViews.Changes body);

    @POST
    @Path("/cases/{reference}/signals")
    CaseViews.Detail link(@PathParam("reference") String reference, CaseViews.SignalLink body);

    @DELETE
    @Path("/cases/{reference}/signals/{signal}")
    CaseViews.Detail unlink(@PathParam("reference") String reference, @PathParam("signal") String signal);

    @PUT
    @Path("/cases/{reference}/assignee")
    CaseViews.Detail assign(@PathParam("reference") String reference, CaseViews.Assignment body);

    @POST
    @Path("/cases/{reference}/closure")
    CaseViews.Detail close(@PathParam("reference") String reference, CaseViews.Closure body);

    @POST
    @Path("/cases/{reference}/merges")
    CaseViews.Detail merge(@PathParam("reference") String reference, CaseViews.Merge body);

    @GET
    @Path("/cases/{reference}/notes")
    List<StaffText> notes(@PathParam("reference") String reference);

    @POST
    @Path("/cases/{reference}/notes")
    StaffText addNote(@PathParam("reference") String reference, TextBody note);

    @GET
    @Path("/contacts/{reference}/case-suggestions")
    List<CaseViews.Suggestion> suggestions(@PathParam("reference") String reference);

    @POST
    @Path("/contacts/{reference}/case-suggestions/{id}/confirmation")
    CaseViews.Suggestion confirm(@PathParam("reference") String reference, @PathParam("id") UUID id);

    @POST
    @Path("/contacts/{reference}/case-suggestions/{id}/rejection")
    CaseViews.Suggestion reject(@PathParam("reference") String reference, @PathParam("id") UUID id);
}
