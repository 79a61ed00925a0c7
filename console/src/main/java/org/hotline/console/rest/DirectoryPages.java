package org.hotline.console.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hotline.console.client.DirectoryApi;
import org.hotline.console.client.Organization;
import org.hotline.console.client.ResultPage;
import org.hotline.console.config.ConsoleConfig;
import org.hotline.console.service.FieldErrors;
import org.hotline.console.service.ServiceEdit;
import org.hotline.console.service.ServiceForm;
import org.hotline.console.service.StaffUser;
import org.hotline.contracts.vocabulary.Need;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The directory for administrators: directory's own search, one organisation, and per service an edit of its phone,
 * hours and area, plus "mark verified today". Every change is directory's {@code PUT} of the whole organisation
 * with {@code If-Match} on the version the administrator read, so directory validates it with the API's rules (its
 * field errors come back beside the controls) and an edit made meanwhile by someone else is never overwritten.
 */
@Path("/directory")
@RolesAllowed(StaffUser.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class DirectoryPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(ResultPage<Organization> organizations, Search search,
                List<Need> needs, List<String> errors);

        static native TemplateInstance organization(Organization organization, List<ServiceForm> services,
                List<String> days, String notice, List<String> errors, LocalDate today);

        static native TemplateInstance verificationDue(ResultPage<Organization> organizations);
    }

    /** The search as typed (directory data, no personal data: it may sit in the URL). */
    public record Search(String q, String state, String need) {

        public String query(int page) {
            StringBuilder query = new StringBuilder("?page=").append(page);
            append(query, "q", q);
            append(query, "state", state);
            append(query, "need", need);
            return query.toString();
        }

        private static void append(StringBuilder query, String name, String value) {
            if (value != null) {
                query.append('&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    private final DirectoryApi directory;
    private final ConsoleConfig config;
    private final ObjectMapper json;

    @Inject
    public DirectoryPages(@RestClient DirectoryApi directory, ConsoleConfig config, ObjectMapper json) {
        this.directory = directory;
        this.config = config;
        this.json = json;
    }

    @GET
    public Response search(@QueryParam("q") String q, @QueryParam("state") String state,
            @QueryParam("need") String need, @QueryParam("page") Integer page) {
        Search search = new Search(blankToNull(q), blankToNull(state), blankToNull(need));
        int index = page == null || page < 0 ? 0 : page;
        try {
            ResultPage<Organization> found = directory.search(search.q(), search.state(), search.need(), index,
                    config.pageSize());
            return Response.ok(Templates.search(found, search, List.of(Need.values()), List.of())).build();
        } catch (WebApplicationException e) {
            FieldErrors errors = FieldErrors.of(e);
            if (errors.status() != 400) {
                throw e;
            }
            List<String> shown = new ArrayList<>(List.of(errors.title()));
            shown.addAll(errors.all());
            return Response.status(400).entity(Templates.search(new ResultPage<>(List.of(), index,
                    config.pageSize(), 0, 0), search, List.of(Need.values()), shown)).build();
        }
    }

    /** The organisations whose verification is due (directory decides which: its max-age, the hotline's date). */
    @GET
    @Path("/verification-due")
    public TemplateInstance verificationDue(@QueryParam("page") Integer page) {
        return Templates.verificationDue(directory.verificationDue(page == null || page < 0 ? 0 : page,
                config.pageSize()));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance organization(@PathParam("id") String id, @QueryParam("done") String done) {
        String notice = switch (done == null ? "" : done) {
            case "saved" -> "Saved: directory has published the change.";
            case "verified" -> "Marked verified today.";
            default -> null;
        };
        ObjectNode document = document(parse(id));
        return page(document, Optional.empty(), FieldErrors.none(), notice, List.of());
    }

    @POST
    @Path("/{id}/services/{serviceId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editService(@PathParam("id") String id, @PathParam("serviceId") String serviceId,
            @RestForm String version, @RestForm String phone, @RestForm String timeZone, @RestForm String open24h,
            @RestForm List<String> days, @RestForm List<String> opens, @RestForm List<String> closes,
            @RestForm String national, @RestForm String states, @RestForm String counties,
            @RestForm String postalCodes) {
        UUID organizationId = parse(id);
        UUID service = parse(serviceId);
        ServiceEdit edit = ServiceEdit.fromForm(phone, timeZone, open24h, days, opens, closes, national, states,
                counties, postalCodes);
        ObjectNode document = document(organizationId);
        ObjectNode target = serviceIn(document, service).orElseThrow(NotFoundException::new);
        edit.applyTo(target);
        return replace(organizationId, version, document, Optional.of(new Edited(service, edit)), "saved");
    }

    @POST
    @Path("/{id}/verification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response markVerified(@PathParam("id") String id, @RestForm String version) {
        UUID organizationId = parse(id);
        ObjectNode document = document(organizationId);
        document.put("lastVerifiedOn", today().toString());
        return replace(organizationId, version, document, Optional.empty(), "verified");
    }

    /** A service's edit as sent, to show again when directory refuses it. */
    private record Edited(UUID service, ServiceEdit edit) {
    }

    private Response replace(UUID id, String version, ObjectNode document, Optional<Edited> edited, String done) {
        if (version == null || !version.strip().matches("\\d{1,18}")) {
            return Response.status(409).entity(page(document(id), Optional.empty(), FieldErrors.none(), null,
                    List.of("This form is out of date: the organisation is shown again as it is now."))).build();
        }
        try {
            directory.replace(id, "\"" + version.strip() + "\"", document);
        } catch (WebApplicationException e) {
            FieldErrors errors = FieldErrors.of(e);
            if (errors.status() == 412 || errors.status() == 409) {
                // Someone changed it after this administrator read it: show it as it is now, keep nothing typed.
                return Response.status(409).entity(page(document(id), Optional.empty(), FieldErrors.none(), null,
                        List.of("Someone changed this organisation after you opened it. Nothing was saved: here it "
                                + "is as it is now; make your change again."))).build();
            }
            if (errors.status() != 400 && errors.status() != 422) {
                throw e;
            }
            List<String> shown = new ArrayList<>(List.of(errors.title() + ": nothing was saved."));
            shown.addAll(errors.all(field -> readable(field, document)));
            return Response.status(422).entity(page(document, edited, errors, null, shown)).build();
        }
        String anchor = edited.map(e -> "#service-" + e.service()).orElse("");
        return Response.seeOther(URI.create("/directory/" + id + "?done=" + done + anchor)).build();
    }

    private TemplateInstance page(ObjectNode document, Optional<Edited> edited, FieldErrors errors, String notice,
            List<String> shownErrors) {
        Organization organization;
        try {
            organization = json.treeToValue(document, Organization.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("directory sent an organisation the console cannot read", e);
        }
        List<ServiceForm> forms = new ArrayList<>();
        int index = 0;
        for (JsonNode service : document.path("services")) {
            UUID serviceId = UUID.fromString(service.path("id").asText());
            List<String> needs = new ArrayList<>();
            service.path("needs").forEach(n -> needs.add(Labels.label(n.asText())));
            ServiceEdit edit = edited.filter(e -> e.service().equals(serviceId)).map(Edited::edit)
                    .orElseGet(() -> ServiceEdit.of(service));
            forms.add(new ServiceForm(index++, serviceId, service.path("name").asText(), String.join(", ", needs),
                    edit, errors));
        }
        return Templates.organization(organization, forms, ServiceEdit.DAYS, notice, shownErrors, today());
    }

    private static final java.util.regex.Pattern SERVICE_FIELD = java.util.regex.Pattern.compile(
            "^services\\[(\\d+)](?:\\.hours\\.weekly\\[(\\d+)])?(?:\\.(.+))?$");

    /**
     * A directory field path in a person's words for the summary above the form: {@code
     * services[0].hours.weekly[1].opens} reads "Walk-in clinic, opening span 2: opens". The control itself shows the
     * error beside it.
     */
    static String readable(String field, JsonNode document) {
        java.util.regex.Matcher m = SERVICE_FIELD.matcher(field);
        if (!m.matches()) {
            return field;
        }
        String service = document.path("services").path(Integer.parseInt(m.group(1))).path("name")
                .asText("Service " + (Integer.parseInt(m.group(1)) + 1));
        StringBuilder words = new StringBuilder(service);
        if (m.group(2) != null) {
            words.append(", opening span ").append(Integer.parseInt(m.group(2)) + 1);
        }
        if (m.group(3) != null) {
            words.append(", ").append(m.group(3).replace("hours.", "").replace("area.", "area ")
                    .replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(java.util.Locale.ROOT));
        }
        return words.toString();
    }

    private ObjectNode document(UUID id) {
        try {
            return directory.document(id);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new NotFoundException();
            }
            throw e;
        }
    }

    private static Optional<ObjectNode> serviceIn(ObjectNode document, UUID serviceId) {
        for (JsonNode service : document.path("services")) {
            if (service.isObject() && serviceId.toString().equals(service.path("id").asText())) {
                return Optional.of((ObjectNode) service);
            }
        }
        return Optional.empty();
    }

    /** "Today" on the hotline's own clock, the date a verification is recorded under. */
    private static LocalDate today() {
        return LocalDate.now(Labels.HOTLINE_ZONE);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
