package org.hotline.routing.rest;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.rest.PageParameters;
import org.hotline.platform.rest.PageRequest;
import org.hotline.platform.rest.QueryParameters;
import org.hotline.platform.rest.ResultPage;
import org.hotline.platform.security.Roles;
import org.hotline.routing.service.WebhookSubscriptions;

/**
 * Partner webhooks over HTTP: a partner manages its own organisation's subscriptions (its token's organisation claim,
 * see {@link CallerScope}); administrators any organisation's. Another organisation's answers 403; an unknown or
 * another organisation's subscription id 404.
 */
@Path("/api/v1/partners/{organizationId}/webhooks")
@Tag(name = "Partner webhooks", description = "Signed webhooks delivering a partner's referral events")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class WebhookResource {

    private final WebhookSubscriptions webhooks;
    private final CallerScope scope;

    public WebhookResource(WebhookSubscriptions webhooks, CallerScope scope) {
        this.webhooks = webhooks;
        this.scope = scope;
    }

    @POST
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an endpoint for the organisation's referral events",
            description = "Body {url, eventTypes[]}: an https URL whose host resolves to public addresses only, and "
                    + "one or more of hotline.referral.issued, hotline.referral.escalated. Answers 201 with the "
                    + "signing secret (whsec_...), shown this once.")
    public Response register(@PathParam("organizationId") String organizationId, WebhookViews.Registration body) {
        UUID organization = organization(organizationId);
        WebhookViews.Registration registration = body == null ? new WebhookViews.Registration(null, null) : body;
        WebhookSubscriptions.Registered registered = webhooks.register(organization, registration.url(),
                registration.eventTypes());
        var s = registered.subscription();
        return Response.created(URI.create("/api/v1/partners/" + organization + "/webhooks/" + s.id()))
                .entity(new WebhookViews.Registered(s.id(), s.organizationId(), s.url(), s.eventTypes(),
                        s.status().name(), s.createdAt(), registered.secret().encoded()))
                .build();
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "The organisation's webhook subscriptions (never their secrets)")
    public List<WebhookViews.Subscription> list(@PathParam("organizationId") String organizationId) {
        return webhooks.list(organization(organizationId)).stream().map(WebhookViews.Subscription::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Remove a subscription and its deliveries log")
    public Response delete(@PathParam("organizationId") String organizationId, @PathParam("id") String id) {
        webhooks.delete(organization(organizationId), subscription(id));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/secret-rotation")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Make a new signing secret (shown once); the previous one signs too for the overlap window")
    public WebhookViews.Rotated rotate(@PathParam("organizationId") String organizationId,
            @PathParam("id") String id) {
        WebhookSubscriptions.Rotated rotated = webhooks.rotate(organization(organizationId), subscription(id));
        return new WebhookViews.Rotated(rotated.subscription().id(), rotated.secret().encoded(),
                rotated.previousSecretValidUntil());
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "The subscription's delivery attempts of the last 7 days, newest first")
    public ResultPage<WebhookViews.Delivery> deliveries(@PathParam("organizationId") String organizationId,
            @PathParam("id") String id, @BeanParam PageParameters paging) {
        UUID organization = organization(organizationId);
        UUID subscription = subscription(id);
        QueryParameters params = new QueryParameters();
        PageRequest page = params.page(paging);
        params.throwIfInvalid();
        ResultPage<org.hotline.routing.WebhookDelivery> found = webhooks.deliveries(organization, subscription,
                page.page(), page.size());
        return new ResultPage<>(found.items().stream().map(WebhookViews.Delivery::of).toList(), found.page(),
                found.size(), found.totalItems(), found.totalPages());
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Send a delivery's event again now, with the same webhook-id; answers the new attempt")
    public WebhookViews.Delivery replay(@PathParam("organizationId") String organizationId,
            @PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        UUID organization = organization(organizationId);
        UUID subscription = subscription(id);
        UUID delivery = uuid(deliveryId).orElseThrow(() -> ProblemException.notFound("A delivery with this id"));
        return WebhookViews.Delivery.of(webhooks.replay(organization, subscription, delivery));
    }

    /** The organisation, once the caller may manage its webhooks (checked before anything else). */
    private UUID organization(String organizationId) {
        Optional<UUID> organization = uuid(organizationId);
        scope.requireAccessTo(organization, Roles.ADMIN);
        return organization.orElseThrow(() -> ProblemException.notFound("An organisation with this id"));
    }

    private static UUID subscription(String id) {
        return uuid(id).orElseThrow(() -> ProblemException.notFound("A webhook subscription with this id"));
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
