package org.hotline.console.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** routing-service, called as the signed-in person. */
@RegisterRestClient(configKey = "routing")
@RegisterProvider(AccessTokenPropagation.class)
@Path("/api/v1")
public interface RoutingApi {

    @GET
    @Path("/decisions/{reference}")
    Decision decision(@PathParam("reference") String reference);

    @GET
    @Path("/partners/{organizationId}/referrals")
    ReferralFeed feed(@PathParam("organizationId") UUID organizationId, @QueryParam("cursor") String cursor,
            @QueryParam("size") Integer size);

    @POST
    @Path("/referrals/{referralId}/acknowledgement")
    PartnerReferral acknowledge(@PathParam("referralId") UUID referralId);

    @POST
    @Path("/referrals/{referralId}/outcome")
    PartnerReferral recordOutcome(@PathParam("referralId") UUID referralId, ReferralOutcome outcome);
}
