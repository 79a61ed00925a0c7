package org.hotline.console.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.hotline.console.client.Followup;
import org.hotline.console.client.FollowupApi;
import org.hotline.console.client.FollowupCompletion;
import org.hotline.console.client.ResultPage;
import org.hotline.console.config.ConsoleConfig;
import org.hotline.console.service.ServiceProblem;
import org.hotline.console.service.StaffUser;
import org.jboss.resteasy.reactive.RestForm;

/** The follow-up work list: open follow-ups in the dashboard's order (deadline first), claim, complete. */
@Path("/followups")
@RolesAllowed({StaffUser.AGENT, StaffUser.SUPERVISOR})
@Produces(MediaType.TEXT_HTML)
public class FollowupPages {

    /** Follow-up outcomes (DESIGN §9). */
    public static final List<String> OUTCOMES = List.of("RESPONDED", "REFERRED", "UNREACHABLE", "NO_ACTION_NEEDED");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ResultPage<Followup> followups, List<String> outcomes, String notice,
                List<String> errors);
    }

    private final FollowupApi followups;
    private final ConsoleConfig config;

    @Inject
    public FollowupPages(@RestClient FollowupApi followups, ConsoleConfig config) {
        this.followups = followups;
        this.config = config;
    }

    @GET
    public TemplateInstance list(@QueryParam("page") Integer page, @QueryParam("done") String done) {
        String notice = switch (done == null ? "" : done) {
            case "claimed" -> "Follow-up claimed: it is yours.";
            case "completed" -> "Follow-up completed.";
            default -> null;
        };
        return page(page, notice, List.of());
    }

    @POST
    @Path("/{reference}/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response claim(@PathParam("reference") String reference) {
        checked(reference);
        try {
            followups.claim(reference);
        } catch (WebApplicationException e) {
            return refused(e);
        }
        return Response.seeOther(URI.create("/followups?done=claimed")).build();
    }

    @POST
    @Path("/{reference}/completion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response complete(@PathParam("reference") String reference, @RestForm String outcome,
            @RestForm String note) {
        checked(reference);
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            return Response.status(422).entity(page(0, null, List.of("Outcome: choose one"))).build();
        }
        try {
            followups.complete(reference, new FollowupCompletion(outcome,
                    note == null || note.isBlank() ? null : note.strip()));
        } catch (WebApplicationException e) {
            return refused(e);
        }
        return Response.seeOther(URI.create("/followups?done=completed")).build();
    }

    private Response refused(WebApplicationException e) {
        ServiceProblem problem = ServiceProblem.of(e);
        if (problem.status() >= 500) {
            throw e;
        }
        List<String> errors = new java.util.ArrayList<>(List.of(problem.title()));
        errors.addAll(problem.fields());
        return Response.status(problem.status() == 404 ? 404 : 409).entity(page(0, null, errors)).build();
    }

    private TemplateInstance page(Integer page, String notice, List<String> errors) {
        int index = page == null || page < 0 ? 0 : page;
        return Templates.list(followups.list("OPEN", index, config.pageSize()), OUTCOMES, notice, errors);
    }

    private static void checked(String reference) {
        if (!CallPages.REFERENCE.matcher(reference).matches()) {
            throw new NotFoundException();
        }
    }
}
