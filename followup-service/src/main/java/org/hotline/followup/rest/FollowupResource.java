package org.hotline.followup.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.platform.rest.ResultPage;
import org.hotline.calendar.SlaCalculator;
import org.hotline.followup.FollowupStatus;
import org.hotline.contracts.vocabulary.FollowupOutcome;
import org.hotline.followup.service.BacklogCache;
import org.hotline.followup.service.FollowupAssignment;
import org.hotline.followup.service.StaffDirectory;
import org.hotline.followup.service.FollowupCompletion;
import org.hotline.followup.service.FollowupQueries;
import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.rest.PageParameters;
import org.hotline.platform.rest.PageRequest;
import org.hotline.platform.rest.QueryParameters;
import org.hotline.platform.security.Roles;

@Path("/api/v1/followups")
@Tag(name = "Follow-ups", description = "Staff replies owed to non-urgent messages")
@Produces(MediaType.APPLICATION_JSON)
public class FollowupResource {

    private final FollowupQueries followups;
    private final FollowupCompletion completion;
    private final FollowupAssignment assignment;
    private final StaffDirectory staff;
    private final SecurityIdentity identity;
    private final BacklogCache backlog;
    private final Clock clock;
    private final ZoneId zone;

    public FollowupResource(FollowupQueries followups, FollowupCompletion completion,
            FollowupAssignment assignment, StaffDirectory staff, SecurityIdentity identity, BacklogCache backlog,
            SlaCalculator sla, Clock clock) {
        this.followups = followups;
        this.completion = completion;
        this.assignment = assignment;
        this.staff = staff;
        this.identity = identity;
        this.backlog = backlog;
        this.clock = clock;
        this.zone = sla.calendar().zone();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "Follow-ups in deadline order (target time first)")
    public ResultPage<FollowupView> list(
            @Parameter(schema = @Schema(enumeration = {"OPEN", "COMPLETED"}))
            @QueryParam("status") String status,
            @Parameter(description = "true: open past the breach time or completed after it; false: the others",
                    schema = @Schema(enumeration = {"true", "false"}))
            @QueryParam("breached") String breached,
            @BeanParam PageParameters paging) {
        QueryParameters params = new QueryParameters();
        Optional<FollowupStatus> statusFilter = params.enumValue("status", status, FollowupStatus.class);
        Optional<Boolean> breachedFilter = params.bool("breached", breached);
        PageRequest page = params.page(paging);
        params.throwIfInvalid();
        // Whoever opens the work list can be assigned work by name.
        staff.seen(staffMember(), displayName());

        Instant now = Instant.now(clock);
        return followups.search(statusFilter, breachedFilter, now, page, f -> FollowupView.of(f, now, zone));
    }

    @GET
    @Path("/backlog")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "The open follow-ups counted: at risk, breached, due soon, by call type and by age",
            description = "atRisk: target passed, breach time not; breached: breach time passed; dueNextBusinessDay: "
                    + "target not passed and due by the close of the next business day; byAge: business hours since "
                    + "the clock started (0-10h, 10-20h, 20-30h, 30h+). Counted at asOf: each instance counts at most "
                    + "once per hotline.followup.backlog.max-age (default 15 s) and serves that count meanwhile.")
    public BacklogView backlog() {
        return BacklogView.of(backlog.current(), zone);
    }

    @GET
    @Path("/{reference}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "The follow-up of a contact, by the contact's reference")
    public FollowupView get(@PathParam("reference") String reference) {
        return followups.byReference(reference).map(f -> FollowupView.of(f, Instant.now(clock), zone))
                .orElseThrow(() -> ProblemException.notFound("Follow-up " + reference));
    }

    @POST
    @Path("/{reference}/claim")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "Take the follow-up: its assignee becomes the caller (the token's subject)",
            description = "Claiming one's own again changes nothing. Claimed by someone else or completed: 409.")
    public FollowupView claim(@PathParam("reference") String reference) {
        staff.seen(staffMember(), displayName());
        return FollowupView.of(assignment.claim(reference, staffMember(), displayName()), Instant.now(clock), zone);
    }

    @POST
    @Path("/{reference}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Give the follow-up to a staff member (their token subject), also taking it from another",
            description = "Completed: 409.")
    public FollowupView assign(@PathParam("reference") String reference, @Valid @NotNull Assignment body) {
        return FollowupView.of(assignment.assign(reference, body.assignee().strip()), Instant.now(clock), zone);
    }

    @POST
    @Path("/{reference}/completion")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(hidden = true)
    public FollowupView complete(@PathParam("reference") String reference) {
        // A completion without a body (no Content-Type), as clients sent it before outcomes existed.
        return completeWith(reference, null);
    }

    @POST
    @Path("/{reference}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "Record that staff replied", description = "Completes the follow-up once; completing it "
            + "again answers 409. The body is optional: {outcome, note}. Publishes hotline.followup.completed with "
            + "the outcome, breached when completed after the breach time. The note is personal data, which this "
            + "service never keeps: it is added to the contact's notes in intake-service (sealed and audited there, "
            + "under the caller's token) before the follow-up is completed; when intake does not take it, nothing "
            + "is completed (503).")
    public FollowupView completeWith(@PathParam("reference") String reference, @Valid Completion body) {
        FollowupOutcome outcome = body == null ? null : body.outcome();
        String note = body == null || body.note() == null || body.note().isBlank() ? null : body.note();
        return FollowupView.of(completion.complete(reference, outcome, note), Instant.now(clock), zone);
    }

    /** Body of an assignment. */
    public record Assignment(@NotBlank @Size(max = 200) String assignee) {
    }

    /** Optional body of a completion. */
    public record Completion(FollowupOutcome outcome, @Size(max = 20_000) String note) {

        @Override
        public String toString() {
            return "Completion[" + outcome + ", note redacted]";
        }
    }

    /**
     * The caller's name as their token gives it: {@code name} (Keycloak's "first last"), else {@code
     * preferred_username}, else {@code upn}; null for a token naming no one.
     */
    private String displayName() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            for (String claim : new String[] {"name", "preferred_username", "upn"}) {
                Object value = token.getClaim(claim);
                if (value != null && !value.toString().isBlank()) {
                    return value.toString().replace("\"", "").strip();
                }
            }
        }
        return null;
    }

    /** The caller's token subject ({@code sub}), the principal's name for a token without one. */
    private String staffMember() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }
}
