package org.hotline.console.client;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.DELETE;
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
    ReferralFeed feed(@PathParam("organizationId") UUID organizationId, @QueryParam("after") String after,
            @QueryParam("limit") Integer limit);

    @POST
    @Path("/referrals/{referralId}/acknowledgement")
    PartnerReferral acknowledge(@PathParam("referralId") UUID referralId);

    @POST
    @Path("/referrals/{referralId}/outcome")
    PartnerReferral recordOutcome(@PathParam("referralId") UUID referralId, ReferralOutcome outcome);

    @GET
    @Path("/partners/{organizationId}/webhooks")
    List<WebhookSubscription> webhooks(@PathParam("organizationId") UUID organizationId);

    @POST
    @Path("/partners/{organizationId}/webhooks")
    WebhookSecret registerWebhook(@PathParam("organizationId") UUID organizationId, WebhookRegistration body);

    @DELETE
    @Path("/partners/{organizationId}/webhooks/{id}")
    void deleteWebhook(@PathParam("organizationId") UUID organizationId, @PathParam("id") UUID id);

    @POST
    @Path("/partners/{organizationId}/webhooks/{id}/secret-rotation")
    WebhookSecret rotateWebhookSecret(@PathParam("organizationId") UUID organizationId, @PathParam("id") UUID id);

    @GET
    @Path("/partners/{organizationId}/webhooks/{id}/deliveries")
    ResultPage<WebhookDelivery> webhookDeliveries(@PathParam("organizationId") UUID organizationId,
            @PathParam("id") UUID id, @QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @POST
    @Path("/partners/{organizationId}/webhooks/{id}/deliveries/{deliveryId}/replay")
    WebhookDelivery replayWebhookDelivery(@PathParam("organizationId") UUID organizationId, @PathParam("id") UUID id,
            @PathParam("deliveryId") UUID deliveryId);
}
