package org.hotline.followup.rest;

import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.calendar.Closure;
import org.hotline.calendar.SlaCalculator;
import org.hotline.followup.service.CalendarClosures;
import org.hotline.platform.problem.Problem;
import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.security.Roles;

@Path("/api/v1/calendar/closures")
@Tag(name = "Calendar", description = "Operator closures of the business calendar (snow day, office event)")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ClosureResource {

    private final CalendarClosures closures;
    private final ZoneId zone;

    public ClosureResource(CalendarClosures closures, SlaCalculator sla) {
        this.closures = closures;
        this.zone = sla.calendar().zone();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "Every closure, earliest first")
    public List<ClosureView> list() {
        return closures.list().stream().map(c -> ClosureView.of(c, zone, null)).toList();
    }

    @POST
    @RolesAllowed(Roles.SUPERVISOR) // moves the deadlines of open follow-ups
    @Operation(summary = "Close the back office for a while",
            description = "start/end are local date-times in the calendar's zone (America/New_York by default), or "
                    + "date closes a whole day. Open follow-ups whose clock runs through the closure and that raised "
                    + "nothing yet get their deadlines recomputed in the same transaction. Answers 201.")
    public Response add(@Valid @NotNull ClosureRequest request) {
        CalendarClosures.Change change = closures.add(toClosure(request));
        return Response.created(URI.create("/api/v1/calendar/closures/" + change.closure().id()))
                .entity(ClosureView.of(change.closure(), zone, change.rescheduled())).build();
    }

    @DELETE
    @RolesAllowed(Roles.SUPERVISOR)
    @Path("/{id}")
    @Operation(summary = "Remove a closure", description = "Recomputes the affected open follow-ups again. 200 "
            + "with the removed closure and rescheduled, how many open follow-ups moved back; unknown id 404.")
    public ClosureView remove(@PathParam("id") String id) {
        CalendarClosures.Change change = closures.remove(parseId(id));
        return ClosureView.of(change.closure(), zone, change.rescheduled());
    }

    private static Closure toClosure(ClosureRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (request.date() != null) {
            if (request.start() != null || request.end() != null) {
                violations.add(new Problem.Violation("date", "give either date or start and end, not both"));
            }
        } else {
            if (request.start() == null) {
                violations.add(new Problem.Violation("start", "must not be null unless date is given"));
            }
            if (request.end() == null) {
                violations.add(new Problem.Violation("end", "must not be null unless date is given"));
            }
            if (request.start() != null && request.end() != null && !request.end().isAfter(request.start())) {
                violations.add(new Problem.Violation("end", "must be after start"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request",
                    "The request has " + violations.size() + " invalid field(s)", violations);
        }
        String reason = request.reason().strip();
        return request.date() != null ? Closure.fullDay(request.date(), reason)
                : new Closure(request.start(), request.end(), reason);
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Closure " + id);
        }
    }
}
