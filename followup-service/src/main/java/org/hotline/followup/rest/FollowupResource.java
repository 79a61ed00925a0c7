package org.hotline.followup.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.platform.rest.ResultPage;
import org.hotline.calendar.SlaCalculator;
import org.hotline.followup.Followup;
import org.hotline.followup.FollowupStatus;
import org.hotline.followup.repository.FollowupRepository;
import org.hotline.followup.service.BacklogCache;
import org.hotline.followup.service.FollowupCompletion;
import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.security.Roles;

@Path("/api/v1/followups")
@Tag(name = "Follow-ups", description = "Staff replies owed to non-urgent messages")
@Produces(MediaType.APPLICATION_JSON)
public class FollowupResource {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 200;

    private final FollowupRepository followups;
    private final FollowupCompletion completion;
    private final BacklogCache backlog;
    private final Clock clock;
    private final ZoneId zone;

    public FollowupResource(FollowupRepository followups, FollowupCompletion completion,
            BacklogCache backlog, SlaCalculator sla, Clock clock) {
        this.followups = followups;
        this.completion = completion;
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
            @Parameter(description = "Page number from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to " + MAX_PAGE_SIZE + ", default " + DEFAULT_PAGE_SIZE)
            @QueryParam("size") String size) {
        QueryParameters params = new QueryParameters();
        Optional<FollowupStatus> statusFilter = params.enumValue("status", status, FollowupStatus.class);
        Optional<Boolean> breachedFilter = params.bool("breached", breached);
        int pageIndex = params.integer("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = params.integer("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        params.throwIfInvalid();

        Instant now = Instant.now(clock);
        PanacheQuery<Followup> query = followups.search(statusFilter, breachedFilter, now);
        var items = query.page(Page.of(pageIndex, pageSize)).list().stream()
                .map(f -> FollowupView.of(f, now, zone)).toList();
        return ResultPage.of(items, pageIndex, pageSize, query.count());
    }

    @GET
    @Path("/backlog")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "The open follow-ups counted: at risk, breached, due soon, by call type and by age",
            description = "atRisk: target passed, breach time not; breached: breach time passed; dueNextBusinessDay: "
                    + "target not passed and due by the close of the next business day; byAge: business hours since "
                    + "the clock started (0-10h, 10-20h, 20-30h, 30h+). Counted at asOf: each instance counts at most "
                    + "once per hotline.followup.backlog.max-age (default 5 s) and serves that count meanwhile.")
    public BacklogView backlog() {
        return BacklogView.of(backlog.current(), zone);
    }

    @GET
    @Path("/{reference}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "The follow-up of a contact, by the contact's reference")
    public FollowupView get(@PathParam("reference") String reference) {
        return followups.findByReference(reference).map(f -> FollowupView.of(f, Instant.now(clock), zone))
                .orElseThrow(() -> ProblemException.notFound("Follow-up " + reference));
    }

    @POST
    @Path("/{reference}/completion")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "Record that staff replied", description = "Completes the follow-up once; completing it "
            + "again answers 409. Publishes hotline.followup.completed, breached when completed after the breach time.")
    public FollowupView complete(@PathParam("reference") String reference) {
        return FollowupView.of(completion.complete(reference), Instant.now(clock), zone);
    }
}
