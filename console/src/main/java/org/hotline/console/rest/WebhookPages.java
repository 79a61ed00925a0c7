package org.hotline.console.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hotline.console.client.ResultPage;
import org.hotline.console.client.RoutingApi;
import org.hotline.console.client.WebhookDelivery;
import org.hotline.console.client.WebhookRegistration;
import org.hotline.console.client.WebhookSecret;
import org.hotline.console.client.WebhookSubscription;
import org.hotline.console.service.FieldErrors;
import org.hotline.console.service.StaffUser;
import org.hotline.contracts.EventType;
import org.jboss.resteasy.reactive.RestForm;

/**
 * An organisation's webhook subscriptions, which routing owns: register an endpoint, rotate its signing secret,
 * remove it, and read its deliveries of the last 7 days and replay one. A partner manages its own organisation's (the
 * token's {@code organization_id}); an admin any organisation's, reached from the directory. A new secret is shown
 * on the answer to the form post only (pages are never cached, and a secret never goes into a URL).
 */
@Path("/webhooks")
@RolesAllowed({StaffUser.PARTNER, StaffUser.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class WebhookPages {

    /** The event types a partner may subscribe to, as routing accepts them. */
    public static final List<String> EVENT_TYPES = List.of(EventType.REFERRAL_ISSUED.type(),
            EventType.REFERRAL_ESCALATED.type());
    private static final int DELIVERIES_PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance webhooks(UUID organization, List<WebhookSubscription> subscriptions,
                List<String> eventTypes, Typed typed, FieldErrors fieldErrors, String notice, List<String> errors);

        static native TemplateInstance secret(UUID organization, WebhookSecret shown, boolean rotated);

        static native TemplateInstance deliveries(UUID organization, WebhookSubscription subscription,
                ResultPage<WebhookDelivery> deliveries, String notice);

        static native TemplateInstance chooseOrganization();
    }

    /** The registration form as typed, to show again when routing refuses it. */
    public record Typed(String url, List<String> eventTypes) {

        static final Typed EMPTY = new Typed("", List.of(EventType.REFERRAL_ISSUED.type()));

        public boolean wants(String eventType) {
            return eventTypes.contains(eventType);
        }
    }

    private final RoutingApi routing;
    private final StaffUser user;

    @Inject
    public WebhookPages(@RestClient RoutingApi routing, StaffUser user) {
        this.routing = routing;
        this.user = user;
    }

    @GET
    public TemplateInstance list(@QueryParam("organization") String requested, @QueryParam("done") String done) {
        Optional<UUID> organization = organization(requested);
        if (organization.isEmpty()) {
            return Templates.chooseOrganization();
        }
        String notice = switch (done == null ? "" : done) {
            case "removed" -> "Webhook removed: nothing more is delivered to it.";
            default -> null;
        };
        return page(organization.get(), Typed.EMPTY, FieldErrors.none(), notice, List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@RestForm String organization, @RestForm String url,
            @RestForm("eventTypes") List<String> eventTypes) {
        UUID owner = required(organization);
        Typed typed = new Typed(url == null ? "" : url.strip(), eventTypes == null ? List.of() : eventTypes);
        WebhookSecret registered;
        try {
            registered = routing.registerWebhook(owner, new WebhookRegistration(typed.url(), typed.eventTypes()));
        } catch (WebApplicationException e) {
            return refused(e, owner, typed);
        }
        return Response.status(201).entity(Templates.secret(owner, registered, false)).build();
    }

    @POST
    @Path("/{id}/secret-rotation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rotate(@PathParam("id") String id, @RestForm String organization) {
        UUID owner = required(organization);
        WebhookSecret rotated;
        try {
            rotated = routing.rotateWebhookSecret(owner, uuid(id));
        } catch (WebApplicationException e) {
            return refused(e, owner, Typed.EMPTY);
        }
        return Response.ok(Templates.secret(owner, rotated, true)).build();
    }

    @POST
    @Path("/{id}/removal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("id") String id, @RestForm String organization) {
        UUID owner = required(organization);
        try {
            routing.deleteWebhook(owner, uuid(id));
        } catch (WebApplicationException e) {
            return refused(e, owner, Typed.EMPTY);
        }
        return Response.seeOther(back(owner, "removed")).build();
    }

    @GET
    @Path("/{id}/deliveries")
    public TemplateInstance deliveries(@PathParam("id") String id, @QueryParam("organization") String requested,
            @QueryParam("page") Integer page, @QueryParam("done") String done) {
        UUID owner = organization(requested).orElseThrow(NotFoundException::new);
        UUID subscription = uuid(id);
        WebhookSubscription shown = routing.webhooks(owner).stream().filter(s -> s.id().equals(subscription))
                .findFirst().orElseThrow(NotFoundException::new);
        ResultPage<WebhookDelivery> deliveries = routing.webhookDeliveries(owner, subscription,
                page == null || page < 0 ? 0 : page, DELIVERIES_PAGE_SIZE);
        return Templates.deliveries(owner, shown, deliveries,
                "replayed".equals(done) ? "Sent again with the same webhook-id; its result is the newest row." : null);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replay(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId,
            @RestForm String organization) {
        UUID owner = required(organization);
        routing.replayWebhookDelivery(owner, uuid(id), uuid(deliveryId));
        String query = user.partner() ? "?done=replayed" : "?organization=" + owner + "&done=replayed";
        return Response.seeOther(URI.create("/webhooks/" + uuid(id) + "/deliveries" + query)).build();
    }

    /**
     * Whose subscriptions: a partner's own organisation whatever was asked (routing refuses any other anyway); an
     * admin's choice, empty until made.
     */
    private Optional<UUID> organization(String requested) {
        if (user.partner() && !user.admin()) {
            return Optional.of(user.organization().orElseThrow(() -> new ForbiddenException(
                    "This partner account names no organisation")));
        }
        if (requested == null || requested.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(uuid(requested.strip()));
    }

    private UUID required(String requested) {
        return organization(requested).orElseThrow(NotFoundException::new);
    }

    private TemplateInstance page(UUID organization, Typed typed, FieldErrors fieldErrors, String notice,
            List<String> errors) {
        return Templates.webhooks(organization, routing.webhooks(organization), EVENT_TYPES, typed, fieldErrors,
                notice, errors);
    }

    private Response refused(WebApplicationException e, UUID organization, Typed typed) {
        FieldErrors errors = FieldErrors.of(e);
        if (errors.status() >= 500 || errors.status() == 401 || errors.status() == 403) {
            throw e;
        }
        if (errors.status() == 404) {
            throw new NotFoundException();
        }
        List<String> shown = new ArrayList<>(List.of(errors.title()));
        shown.addAll(errors.all());
        return Response.status(422).entity(page(organization, typed, errors, null, shown)).build();
    }

    private URI back(UUID organization, String done) {
        return URI.create(user.partner() && !user.admin() ? "/webhooks?done=" + done
                : "/webhooks?organization=" + organization + "&done=" + done);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
