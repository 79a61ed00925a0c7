package org.hotline.console.rest;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
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
import org.hotline.console.client.IntakeApi;
import org.hotline.console.client.PartnerContact;
import org.hotline.console.client.PartnerReferral;
import org.hotline.console.client.ReferralFeed;
import org.hotline.console.client.ReferralOutcome;
import org.hotline.console.client.RoutingApi;
import org.hotline.console.service.ServiceProblem;
import org.hotline.console.service.StaffUser;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A partner's inbox: its own organisation's referrals (the feed, scoped by routing to the token's organisation),
 * urgent and unacknowledged first; acknowledge with one click, record an outcome. A partner sees nothing else.
 */
@Path("/inbox")
@RolesAllowed(StaffUser.PARTNER)
@Produces(MediaType.TEXT_HTML)
public class PartnerInbox {

    /** Referral outcomes (DESIGN §9). */
    public static final List<String> OUTCOMES = List.of("CONTACTED", "SERVICES_PROVIDED", "CASE_OPENED",
            "UNABLE_TO_REACH", "DECLINED");
    private static final int FEED_SIZE = 100;

    /** Unacknowledged before acknowledged, urgent before non-urgent, then newest first. */
    static final Comparator<PartnerReferral> INBOX_ORDER = Comparator
            .comparing(PartnerReferral::acknowledged)
            .thenComparing(r -> !r.urgent())
            .thenComparing(PartnerReferral::issuedAt, Comparator.nullsLast(Comparator.reverseOrder()));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(List<PartnerReferral> referrals, List<String> outcomes, String notice,
                List<String> errors, String laterCursor);

        static native TemplateInstance contact(PartnerContact contact, boolean consented);
    }

    private final RoutingApi routing;
    private final IntakeApi intake;
    private final StaffUser user;

    @Inject
    public PartnerInbox(@RestClient RoutingApi routing, @RestClient IntakeApi intake, StaffUser user) {
        this.routing = routing;
        this.intake = intake;
        this.user = user;
    }

    /**
     * The referral's contact details, which intake opens (and audits) only for this partner's own referrals and only
     * where the reporter consented; without consent the page says so and the inbox's summary is all there is.
     */
    @GET
    @Path("/{referralId}/contact")
    public TemplateInstance contact(@PathParam("referralId") String referralId) {
        UUID id = referral(referralId);
        try {
            return Templates.contact(intake.referralContact(id), true);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                throw new NotFoundException();
            }
            if (status == 403 && ServiceProblem.of(e).title().equals("No consent to share")) {
                return Templates.contact(null, false);
            }
            throw e;
        }
    }

    @GET
    public TemplateInstance inbox(@QueryParam("done") String done, @QueryParam("cursor") String cursor) {
        String notice = switch (done == null ? "" : done) {
            case "acknowledged" -> "Referral acknowledged.";
            case "outcome" -> "Outcome recorded.";
            default -> null;
        };
        return page(notice, List.of(), cursor);
    }

    @POST
    @Path("/{referralId}/acknowledgement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acknowledge(@PathParam("referralId") String referralId) {
        UUID id = referral(referralId);
        try {
            routing.acknowledge(id);
        } catch (WebApplicationException e) {
            return refused(e);
        }
        return Response.seeOther(URI.create("/inbox?done=acknowledged")).build();
    }

    @POST
    @Path("/{referralId}/outcome")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response outcome(@PathParam("referralId") String referralId, @RestForm String outcome,
            @RestForm String note) {
        UUID id = referral(referralId);
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            return Response.status(422).entity(page(null, List.of("Outcome: choose one"), null)).build();
        }
        try {
            routing.recordOutcome(id, new ReferralOutcome(outcome, note == null || note.isBlank() ? null
                    : note.strip()));
        } catch (WebApplicationException e) {
            return refused(e);
        }
        return Response.seeOther(URI.create("/inbox?done=outcome")).build();
    }

    private TemplateInstance page(String notice, List<String> errors, String cursor) {
        UUID organisation = user.organization().orElseThrow(() -> new ForbiddenException(
                "This partner account names no organisation"));
        ReferralFeed feed = routing.feed(organisation, cursor == null || cursor.isBlank() ? null : cursor,
                FEED_SIZE);
        List<PartnerReferral> referrals = feed.items().stream().sorted(INBOX_ORDER).toList();
        // The feed runs oldest first; a full page means there are later referrals behind its cursor.
        String later = feed.items().size() >= FEED_SIZE ? feed.nextCursor() : null;
        return Templates.inbox(referrals, OUTCOMES, notice, errors, later);
    }

    private Response refused(WebApplicationException e) {
        ServiceProblem problem = ServiceProblem.of(e);
        if (problem.status() >= 500) {
            throw e;
        }
        List<String> errors = new java.util.ArrayList<>(List.of(problem.title()));
        errors.addAll(problem.fields());
        return Response.status(problem.status() == 404 ? 404 : 409).entity(page(null, errors, null)).build();
    }

    private static UUID referral(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
