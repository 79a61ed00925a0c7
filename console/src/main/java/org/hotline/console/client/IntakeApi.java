package org.hotline.console.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** intake-service, called as the signed-in person. */
@RegisterRestClient(configKey = "intake")
@RegisterProvider(AccessTokenPropagation.class)
@Path("/api/v1")
public interface IntakeApi {

    @POST
    @Path("/calls")
    CallReceipt logCall(CallRequest call);

    @GET
    @Path("/contacts")
    ResultPage<ContactSummary> contacts(@QueryParam("reference") String reference, @QueryParam("status") String status,
            @QueryParam("callType") String callType, @QueryParam("urgency") String urgency,
            @QueryParam("state") String state, @QueryParam("receivedFrom") String receivedFrom,
            @QueryParam("receivedTo") String receivedTo, @QueryParam("hasOpenFollowUp") String hasOpenFollowUp,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/contacts/{reference}")
    ContactDetail contact(@PathParam("reference") String reference);

    @GET
    @Path("/contacts/{reference}/messages")
    List<ReporterMessage> messages(@PathParam("reference") String reference);

    @GET
    @Path("/contacts/{reference}/notes")
    List<StaffText> notes(@PathParam("reference") String reference);

    @POST
    @Path("/contacts/{reference}/notes")
    StaffText addNote(@PathParam("reference") String reference, TextBody note);

    /** Partner: the contact details of one of its own referrals, where the reporter consented (audited by intake). */
    @GET
    @Path("/referrals/{referralId}/contact")
    PartnerContact referralContact(@PathParam("referralId") java.util.UUID referralId);

    @GET
    @Path("/contacts/{reference}/replies")
    List<StaffText> replies(@PathParam("reference") String reference);

    @POST
    @Path("/contacts/{reference}/replies")
    StaffText reply(@PathParam("reference") String reference, TextBody reply);
}
