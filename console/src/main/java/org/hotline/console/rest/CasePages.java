package org.hotline.console.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

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
import org.hotline.console.client.CaseApi;
import org.hotline.console.client.CaseViews;
import org.hotline.console.client.ResultPage;
import org.hotline.console.client.StaffText;
import org.hotline.console.client.TextBody;
import org.hotline.console.config.ConsoleConfig;
import org.hotline.console.service.ServiceProblem;
import org.hotline.console.service.StaffUser;
import org.hotline.contracts.vocabulary.CaseCloseReason;
import org.hotline.contracts.vocabulary.Typology;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Cases: the list, one case (signals, typology, victims, assignee, notes, referrals and their outcomes, history) and
 * its forms: open one from a contact, link and unlink signals, change its details, assign, and for supervisors merge
 * and close. Every change is intake's: its problem+json comes back on the page, and a success redirects (post,
 * redirect, get), so a reload never repeats it. Confirming or rejecting a contact's suggestion also goes through here,
 * under {@code /case-suggestions/{contact}/{id}/…}: a path under {@code /contacts} would be matched to ContactPages
 * (JAX-RS picks the root resource by its path first) and never reach this class.
 */
@Path("/")
@RolesAllowed({StaffUser.AGENT, StaffUser.SUPERVISOR})
@Produces(MediaType.TEXT_HTML)
public class CasePages {

    static final Pattern CASE_REFERENCE = Pattern.compile("CASE-[0-9A-Z]{10}");
    static final List<String> STATUSES = List.of("OPEN", "MONITORING", "REFERRED", "CLOSED");
    static final List<String> CHANGEABLE_STATUSES = List.of("OPEN", "MONITORING", "REFERRED");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ResultPage<CaseViews.Summary> cases, Filters filters,
                List<String> statuses, List<Typology> typologies);

        static native TemplateInstance detail(CaseViews.Detail c, List<StaffText> notes, String notice,
                List<String> errors, List<String> statuses, List<Typology> typologies,
                List<CaseCloseReason> closeReasons);
    }

    /** The list's filters as typed. */
    public record Filters(String status, String open, String typology, String state, String assignee) {

        public String query(int page) {
            StringBuilder q = new StringBuilder("?page=").append(page);
            append(q, "status", status);
            append(q, "open", open);
            append(q, "typology", typology);
            append(q, "state", state);
            append(q, "assignee", assignee);
            return q.toString();
        }

        private static void append(StringBuilder q, String name, String value) {
            if (value != null && !value.isBlank()) {
                q.append('&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    private final CaseApi cases;
    private final ConsoleConfig config;
    private final StaffUser user;

    @Inject
    public CasePages(@RestClient CaseApi cases, ConsoleConfig config, StaffUser user) {
        this.cases = cases;
        this.config = config;
        this.user = user;
    }

    @GET
    @Path("cases")
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("open") String open,
            @QueryParam("typology") String typology, @QueryParam("state") String state,
            @QueryParam("assignee") String assignee, @QueryParam("page") Integer page) {
        Filters filters = new Filters(blankToNull(status), blankToNull(open), blankToNull(typology),
                blankToNull(state), blankToNull(assignee));
        int index = page == null || page < 0 ? 0 : page;
        return Templates.list(cases.cases(filters.status(), filters.open(), filters.assignee(), filters.typology(),
                filters.state(), index, config.pageSize()), filters, STATUSES, List.of(Typology.values()));
    }

    @GET
    @Path("cases/{reference}")
    public TemplateInstance detail(@PathParam("reference") String reference, @QueryParam("done") String done) {
        String notice = switch (done == null ? "" : done) {
            case "opened" -> "Case opened.";
            case "linked" -> "Signal linked.";
            case "unlinked" -> "Signal unlinked.";
            case "changed" -> "Case updated.";
            case "assigned" -> "Assignment saved.";
            case "closed" -> "Case closed.";
            case "merged" -> "Cases merged: every signal of the other case is now here.";
            case "noted" -> "Note added.";
            case "confirmed" -> "Suggestion confirmed: the contact is linked to this case.";
            default -> null;
        };
        return detailPage(reference, notice, List.of());
    }

    @POST
    @Path("cases")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(@RestForm String signalReference, @RestForm String typology) {
        if (signalReference == null || !CallPages.REFERENCE.matcher(signalReference).matches()) {
            throw new NotFoundException();
        }
        try {
            CaseViews.Detail opened = cases.open(new CaseViews.NewCase(signalReference, blankToNull(typology), null,
                    null));
            return Response.seeOther(URI.create("/cases/" + opened.reference() + "?done=opened")).build();
        } catch (WebApplicationException e) {
            ServiceProblem problem = refusal(e);
            return Response.status(422).entity(refused("The case was not opened", problem)).build();
        }
    }

    @POST
    @Path("cases/{reference}/signals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response link(@PathParam("reference") String reference, @RestForm String signalReference) {
        return change(reference, "linked", () -> cases.link(reference,
                new CaseViews.SignalLink(signalReference == null ? "" : signalReference.strip())));
    }

    @POST
    @Path("cases/{reference}/signals/{signal}/removal")
    public Response unlink(@PathParam("reference") String reference, @PathParam("signal") String signal) {
        if (!CallPages.REFERENCE.matcher(signal).matches()) {
            throw new NotFoundException();
        }
        return change(reference, "unlinked", () -> cases.unlink(reference, signal));
    }

    @POST
    @Path("cases/{reference}/details")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response details(@PathParam("reference") String reference, @RestForm String status,
            @RestForm String typology, @RestForm String victims, @RestForm String minors) {
        List<String> errors = new ArrayList<>();
        Integer v = count("Victims", victims, errors);
        Integer m = count("Minors", minors, errors);
        if (!errors.isEmpty()) {
            return Response.status(422).entity(detailPage(reference, null, errors)).build();
        }
        return change(reference, "changed", () -> cases.change(reference,
                new CaseViews.Changes(blankToNull(status), blankToNull(typology), v, m)));
    }

    @POST
    @Path("cases/{reference}/assignee")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("reference") String reference, @RestForm String assignee,
            @RestForm String toMe) {
        String to = toMe != null ? user.subject() : blankToNull(assignee);
        return change(reference, "assigned", () -> cases.assign(reference, new CaseViews.Assignment(to)));
    }

    @POST
    @Path("cases/{reference}/closure")
    @RolesAllowed(StaffUser.SUPERVISOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("reference") String reference, @RestForm String reason) {
        return change(reference, "closed", () -> cases.close(reference, new CaseViews.Closure(blankToNull(reason))));
    }

    @POST
    @Path("cases/{reference}/merge")
    @RolesAllowed(StaffUser.SUPERVISOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response merge(@PathParam("reference") String reference, @RestForm String other) {
        String merged = other == null ? "" : other.strip().toUpperCase(java.util.Locale.ROOT);
        return change(reference, "merged", () -> cases.merge(reference, new CaseViews.Merge(merged)));
    }

    @POST
    @Path("cases/{reference}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response note(@PathParam("reference") String reference, @RestForm String text) {
        if (text == null || text.isBlank()) {
            return Response.status(422).entity(detailPage(reference, null, List.of("Text: write something first")))
                    .build();
        }
        return change(reference, "noted", () -> cases.addNote(reference, new TextBody(text.strip())));
    }

    @POST
    @Path("case-suggestions/{reference}/{id}/confirmation")
    public Response confirm(@PathParam("reference") String reference, @PathParam("id") String id) {
        checkedContact(reference);
        try {
            CaseViews.Suggestion confirmed = cases.confirm(reference, uuid(id));
            return Response.seeOther(URI.create("/cases/" + confirmed.caseReference() + "?done=confirmed")).build();
        } catch (WebApplicationException e) {
            return Response.status(422).entity(refused("The suggestion was not confirmed", refusal(e)))
                    .build();
        }
    }

    @POST
    @Path("case-suggestions/{reference}/{id}/rejection")
    public Response reject(@PathParam("reference") String reference, @PathParam("id") String id) {
        checkedContact(reference);
        try {
            cases.reject(reference, uuid(id));
            return Response.seeOther(URI.create("/contacts/" + reference + "?done=suggestion-rejected")).build();
        } catch (WebApplicationException e) {
            return Response.status(422).entity(refused("The suggestion was not rejected", refusal(e)))
                    .build();
        }
    }

    private Response change(String reference, String done, Supplier<?> call) {
        checked(reference);
        try {
            call.get();
        } catch (WebApplicationException e) {
            ServiceProblem problem = refusal(e);
            List<String> errors = new ArrayList<>(List.of(problem.title()));
            errors.addAll(problem.fields());
            return Response.status(422).entity(detailPage(reference, null, errors)).build();
        }
        return Response.seeOther(URI.create("/cases/" + reference + "?done=" + done)).build();
    }

    private TemplateInstance detailPage(String reference, String notice, List<String> errors) {
        checked(reference);
        CaseViews.Detail c;
        try {
            c = cases.get(reference);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new NotFoundException();
            }
            throw e;
        }
        List<StaffText> notes = optional(() -> cases.notes(reference)).orElse(List.of());
        return Templates.detail(c, notes, notice, errors, CHANGEABLE_STATUSES, List.of(Typology.values()),
                List.of(CaseCloseReason.values()).stream().filter(r -> r != CaseCloseReason.MERGED).toList());
    }

    private static TemplateInstance refused(String heading, ServiceProblem problem) {
        List<String> parts = new ArrayList<>(List.of(problem.title()));
        parts.addAll(problem.fields());
        return ErrorPages.Templates.error(422, heading, String.join("; ", parts));
    }

    /** A refusal to show (4xx); a service failure (5xx) is the error page's. */
    private static ServiceProblem refusal(WebApplicationException e) {
        ServiceProblem problem = ServiceProblem.of(e);
        if (problem.status() >= 500) {
            throw e;
        }
        return problem;
    }

    private static Integer count(String name, String raw, List<String> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= 0 && value <= 100_000) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(name + ": a whole number from 0 to 100000");
        return null;
    }

    private static <T> Optional<T> optional(Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }

    private static void checked(String reference) {
        if (!CASE_REFERENCE.matcher(reference).matches()) {
            throw new NotFoundException();
        }
    }

    private static void checkedContact(String reference) {
        if (!CallPages.REFERENCE.matcher(reference).matches()) {
            throw new NotFoundException();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
