package org.hotline.console.rest;

import java.net.URI;
import java.util.List;
import java.util.Optional;

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
import org.hotline.console.client.ContactDetail;
import org.hotline.console.client.ContactSummary;
import org.hotline.console.client.Decision;
import org.hotline.console.client.Followup;
import org.hotline.console.client.FollowupApi;
import org.hotline.console.client.IntakeApi;
import org.hotline.console.client.ReporterMessage;
import org.hotline.console.client.ResultPage;
import org.hotline.console.client.StaffText;
import org.hotline.console.client.TextBody;
import org.hotline.console.config.ConsoleConfig;
import org.hotline.console.service.DecisionWait;
import org.hotline.console.service.ReplyResources;
import org.hotline.console.service.ServiceProblem;
import org.hotline.console.service.StaffUser;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Typology;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Contacts: a searchable list without personal data (filters are codes and dates, never names, so they may sit in
 * the URL), and the detail page where intake opens the personal data for this person (audited by intake).
 */
@Path("/contacts")
@RolesAllowed({StaffUser.AGENT, StaffUser.SUPERVISOR})
@Produces(MediaType.TEXT_HTML)
public class ContactPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ResultPage<ContactSummary> contacts, Filters filters,
                List<CallType> callTypes);

        static native TemplateInstance detail(ContactDetail contact, Decision decision, Followup followup,
                List<ReporterMessage> messages, List<StaffText> replies, List<StaffText> notes, String notice,
                List<String> errors, List<CaseViews.Suggestion> suggestions, List<Typology> typologies);
    }

    /** The list's filters as typed, to fill the form in again and build the paging links. */
    public record Filters(String reference, String status, String callType, String urgency, String state,
            String receivedFrom, String receivedTo, String hasOpenFollowUp) {

        public String query(int page) {
            StringBuilder q = new StringBuilder("?page=").append(page);
            append(q, "reference", reference);
            append(q, "status", status);
            append(q, "callType", callType);
            append(q, "urgency", urgency);
            append(q, "state", state);
            append(q, "receivedFrom", receivedFrom);
            append(q, "receivedTo", receivedTo);
            append(q, "hasOpenFollowUp", hasOpenFollowUp);
            return q.toString();
        }

        private static void append(StringBuilder q, String name, String value) {
            if (value != null && !value.isBlank()) {
                q.append('&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    private final IntakeApi intake;
    private final FollowupApi followups;
    private final DecisionWait decisions;
    private final ConsoleConfig config;
    private final CaseApi cases;

    @Inject
    public ContactPages(@RestClient IntakeApi intake, @RestClient FollowupApi followups, DecisionWait decisions,
            ConsoleConfig config, @RestClient CaseApi cases) {
        this.cases = cases;
        this.intake = intake;
        this.followups = followups;
        this.decisions = decisions;
        this.config = config;
    }

    @GET
    public TemplateInstance list(@QueryParam("reference") String reference, @QueryParam("status") String status,
            @QueryParam("callType") String callType, @QueryParam("urgency") String urgency,
            @QueryParam("state") String state, @QueryParam("receivedFrom") String receivedFrom,
            @QueryParam("receivedTo") String receivedTo, @QueryParam("hasOpenFollowUp") String hasOpenFollowUp,
            @QueryParam("page") Integer page) {
        Filters filters = new Filters(blankToNull(reference), blankToNull(status), blankToNull(callType),
                blankToNull(urgency), blankToNull(state), blankToNull(receivedFrom), blankToNull(receivedTo),
                blankToNull(hasOpenFollowUp));
        int index = page == null || page < 0 ? 0 : page;
        ResultPage<ContactSummary> contacts = intake.contacts(filters.reference(), filters.status(),
                filters.callType(), filters.urgency(), filters.state(), filters.receivedFrom(), filters.receivedTo(),
                filters.hasOpenFollowUp(), index, config.pageSize());
        return Templates.list(contacts, filters, List.of(CallType.values()));
    }

    @GET
    @Path("/{reference}")
    public TemplateInstance detail(@PathParam("reference") String reference, @QueryParam("done") String done) {
        String notice = switch (done == null ? "" : done) {
            case "replied" -> "Reply sent: the reporter reads it on the status page with their follow-up code.";
            case "noted" -> "Note added.";
            case "suggestion-rejected" -> "Suggestion rejected.";
            default -> null;
        };
        return detailPage(reference, notice, List.of());
    }

    @POST
    @Path("/{reference}/replies")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reply(@PathParam("reference") String reference, @RestForm String text,
            @RestForm("resource") List<String> resources) {
        checked(reference);
        // The links come from routing's decision, never from the form: only its proposed resources can be added.
        String reply = resources == null || resources.isEmpty() ? text
                : ReplyResources.compose(text, decisions.find(reference).orElse(null), resources);
        return post(reference, reply, "replied", () -> intake.reply(reference, new TextBody(reply.strip())));
    }

    @POST
    @Path("/{reference}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response note(@PathParam("reference") String reference, @RestForm String text) {
        return post(reference, text, "noted", () -> intake.addNote(reference, new TextBody(text.strip())));
    }

    private Response post(String reference, String text, String done, Runnable send) {
        checked(reference);
        if (text == null || text.isBlank()) {
            return Response.status(422).entity(detailPage(reference, null, List.of("Text: write something first")))
                    .build();
        }
        try {
            send.run();
        } catch (WebApplicationException e) {
            ServiceProblem problem = ServiceProblem.of(e);
            if (problem.status() >= 500) {
                throw e;
            }
            List<String> errors = new java.util.ArrayList<>(List.of(problem.title()));
            errors.addAll(problem.fields());
            return Response.status(422).entity(detailPage(reference, null, errors)).build();
        }
        return Response.seeOther(URI.create("/contacts/" + reference + "?done=" + done)).build();
    }

    private TemplateInstance detailPage(String reference, String notice, List<String> errors) {
        checked(reference);
        ContactDetail contact;
        try {
            contact = intake.contact(reference);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new NotFoundException();
            }
            throw e;
        }
        Decision decision = decisions.find(reference).orElse(null);
        Followup followup = optional(() -> followups.get(reference)).orElse(null);
        List<ReporterMessage> messages = "TIP".equals(contact.kind())
                ? optional(() -> intake.messages(reference)).orElse(List.of()) : List.of();
        List<StaffText> replies = optional(() -> intake.replies(reference)).orElse(List.of());
        List<StaffText> notes = optional(() -> intake.notes(reference)).orElse(List.of());
        List<CaseViews.Suggestion> suggestions = optional(() -> cases.suggestions(reference)).orElse(List.of());
        return Templates.detail(contact, decision, followup, messages, replies, notes, notice, errors, suggestions,
                List.of(Typology.values()));
    }

    /** A part of the page that may not exist (no follow-up, nothing added): 404 means none. */
    private static <T> Optional<T> optional(java.util.function.Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static void checked(String reference) {
        if (!CallPages.REFERENCE.matcher(reference).matches()) {
            throw new NotFoundException();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
