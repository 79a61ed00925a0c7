package org.hotline.console.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
import org.hotline.console.client.Closure;
import org.hotline.console.client.ClosureRequest;
import org.hotline.console.client.FollowupTeamApi;
import org.hotline.console.service.FieldErrors;
import org.hotline.console.service.StaffUser;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Operator closures of the business calendar (a snow day, an all-staff event), which followup owns: list, add,
 * remove, and how many open follow-ups each change moved. Times are Eastern wall-clock times, as followup takes them.
 */
@Path("/closures")
@RolesAllowed(StaffUser.SUPERVISOR)
@Produces(MediaType.TEXT_HTML)
public class ClosurePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance closures(List<Closure> closures, Typed typed, FieldErrors fieldErrors,
                String notice, List<String> errors);
    }

    /** The add form as typed, to show again when followup refuses it. */
    public record Typed(String date, String start, String end, String reason) {

        static final Typed EMPTY = new Typed("", "", "", "");
    }

    private final FollowupTeamApi followup;

    @Inject
    public ClosurePages(@RestClient FollowupTeamApi followup) {
        this.followup = followup;
    }

    @GET
    public TemplateInstance list(@QueryParam("done") String done, @QueryParam("moved") Integer moved) {
        String notice = switch (done == null ? "" : done) {
            case "added" -> "Closure added. " + movedText(moved) + " moved to the new deadlines.";
            case "removed" -> "Closure removed. " + movedText(moved) + " moved back.";
            default -> null;
        };
        return Templates.closures(followup.closures(), Typed.EMPTY, FieldErrors.none(), notice, List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@RestForm String date, @RestForm String start, @RestForm String end,
            @RestForm String reason) {
        Typed typed = new Typed(orEmpty(date), orEmpty(start), orEmpty(end), orEmpty(reason));
        List<String> unreadable = new ArrayList<>();
        ClosureRequest request = new ClosureRequest(parse(typed.date(), LocalDate::parse, "Date", unreadable),
                parse(typed.start(), LocalDateTime::parse, "From", unreadable),
                parse(typed.end(), LocalDateTime::parse, "Until", unreadable),
                typed.reason().isBlank() ? null : typed.reason().strip());
        if (!unreadable.isEmpty()) {
            return Response.status(422).entity(Templates.closures(followup.closures(), typed, FieldErrors.none(),
                    null, unreadable)).build();
        }
        Closure added;
        try {
            added = followup.addClosure(request);
        } catch (WebApplicationException e) {
            FieldErrors errors = FieldErrors.of(e);
            if (errors.status() != 400) {
                throw e;
            }
            List<String> shown = new ArrayList<>(List.of(errors.title() + ": the closure was not added."));
            shown.addAll(errors.all());
            return Response.status(422).entity(Templates.closures(followup.closures(), typed, errors, null, shown))
                    .build();
        }
        return Response.seeOther(URI.create("/closures?done=added&moved=" + moved(added))).build();
    }

    @POST
    @Path("/{id}/removal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("id") String id) {
        UUID closure;
        try {
            closure = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
        Closure removed = followup.removeClosure(closure);
        return Response.seeOther(URI.create("/closures?done=removed&moved=" + moved(removed))).build();
    }

    private static int moved(Closure closure) {
        return closure.rescheduled() == null ? 0 : closure.rescheduled();
    }

    private static String movedText(Integer moved) {
        int n = moved == null || moved < 0 ? 0 : moved;
        return n == 1 ? "1 open follow-up" : n + " open follow-ups";
    }

    private static <T> T parse(String typed, java.util.function.Function<String, T> parser, String label,
            List<String> unreadable) {
        if (typed.isBlank()) {
            return null;
        }
        try {
            return parser.apply(typed.strip());
        } catch (DateTimeParseException e) {
            unreadable.add(label + ": not a date" + (label.equals("Date") ? " (YYYY-MM-DD)" : " and time"));
            return null;
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
