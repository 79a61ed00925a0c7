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
import org.hotline.console.client.Assignment;
import org.hotline.console.client.Followup;
import org.hotline.console.client.FollowupTeamApi;
import org.hotline.console.client.StaffMember;
import org.hotline.console.client.FollowupApi;
import org.hotline.console.client.FollowupCompletion;
import org.hotline.console.client.ResultPage;
import org.hotline.console.config.ConsoleConfig;
import org.hotline.console.service.ServiceProblem;
import org.hotline.console.service.StaffUser;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The follow-up work list: open follow-ups in the dashboard's order (deadline first), claim, complete; a supervisor
 * also gives one to someone else, chosen by name among the staff followup has seen.
 */
@Path("/followups")
@RolesAllowed({StaffUser.AGENT, StaffUser.SUPERVISOR})
@Produces(MediaType.TEXT_HTML)
public class FollowupPages {

    /** Follow-up outcomes (DESIGN §9). */
    public static final List<String> OUTCOMES = List.of("RESPONDED", "REFERRED", "UNREACHABLE", "NO_ACTION_NEEDED");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ResultPage<Followup> followups, List<String> outcomes, String notice,
                List<String> errors, List<StaffMember> staff);
    }

    private final FollowupApi followups;
    private final FollowupTeamApi team;
    private final StaffUser user;
    private final ConsoleConfig config;

    @Inject
    public FollowupPages(@RestClient FollowupApi followups, @RestClient FollowupTeamApi team, StaffUser user,
            ConsoleConfig config) {
        this.followups = followups;
        this.team = team;
        this.user = user;
        this.config = config;
    }

    @GET
    public TemplateInstance list(@QueryParam("page") Integer page, @QueryParam("done") String done) {
        String notice = switch (done == null ? "" : done) {
            case "claimed" -> "Follow-up claimed: it is yours.";
            case "completed" -> "Follow-up completed.";
            case "assigned" -> "Follow-up assigned.";
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

    /** A supervisor gives the follow-up to someone else (or takes it from them). */
    @POST
    @Path("/{reference}/assignment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(StaffUser.SUPERVISOR)
    public Response assign(@PathParam("reference") String reference, @RestForm String assignee) {
        checked(reference);
        if (assignee == null || assignee.isBlank()) {
            return Response.status(422).entity(page(0, null, List.of("Give it to: choose someone"))).build();
        }
        try {
            followups.assign(reference, new Assignment(assignee.strip()));
        } catch (WebApplicationException e) {
            return refused(e);
        }
        return Response.seeOther(URI.create("/followups?done=assigned")).build();
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
        // Only a supervisor assigns, so only a supervisor's page lists the people to assign to.
        List<StaffMember> staff = user.supervisor() ? team.staffMembers() : List.of();
        return Templates.list(followups.list("OPEN", index, config.pageSize()), OUTCOMES, notice, errors, staff);
    }

    private static void checked(String reference) {
        if (!CallPages.REFERENCE.matcher(reference).matches()) {
            throw new NotFoundException();
        }
    }
}
