package org.hotline.console.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hotline.console.client.LibraryResource;
import org.hotline.console.client.ResourceLibraryApi;
import org.hotline.console.client.ResultPage;
import org.hotline.console.config.ConsoleConfig;
import org.hotline.console.service.FieldErrors;
import org.hotline.console.service.StaffUser;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.ResourceAudience;
import org.hotline.contracts.vocabulary.ResourceKind;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The resource library: staff search it to answer information and training requests; administrators add, edit and
 * retire resources and upload their PDFs. Every change is directory's API (its validation decides; its field errors
 * come back beside the form), an edit with {@code If-Match} on the version the page showed.
 */
@Path("/library")
@RolesAllowed({StaffUser.AGENT, StaffUser.SUPERVISOR, StaffUser.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class ResourcePages {

    /** The topics a resource may have: the needs, then the trafficking types. */
    static final List<String> TOPICS = Stream.concat(Arrays.stream(Need.values()).map(Enum::name),
            Arrays.stream(TraffickingType.values()).map(Enum::name)).toList();

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance library(ResultPage<LibraryResource> resources, Search search,
                List<String> topics, List<String> errors);

        static native TemplateInstance resource(LibraryResource resource, Form form, List<String> topics,
                List<ResourceKind> kinds, List<ResourceAudience> audiences, FieldErrors errors, String notice);
    }

    /** The search as typed (library data, no personal data: it may sit in the URL). */
    public record Search(String q, String topic, String state) {

        public String query(int page) {
            StringBuilder query = new StringBuilder("?page=").append(page);
            append(query, "q", q);
            append(query, "topic", topic);
            append(query, "state", state);
            return query.toString();
        }

        private static void append(StringBuilder query, String name, String value) {
            if (value != null) {
                query.append('&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    /** The edit form as typed, to show it again beside directory's field errors. */
    public record Form(String title, String summary, String kind, List<String> topics, List<String> audiences,
            String languages, String url, String publishedOn, String retiredOn, String version) {

        static Form of(LibraryResource r) {
            return new Form(r.title(), r.summary(), r.kind().name(), r.topics(),
                    r.audiences().stream().map(Enum::name).toList(), r.languageList(), r.url(),
                    r.publishedOn() == null ? "" : r.publishedOn().toString(),
                    r.retiredOn() == null ? "" : r.retiredOn().toString(), Long.toString(r.version()));
        }

        static Form empty() {
            return new Form("", "", "", List.of(), List.of(), "en", "", "", "", null);
        }

        public boolean hasTopic(String topic) {
            return topics.contains(topic);
        }

        public boolean hasAudience(ResourceAudience audience) {
            return audiences.contains(audience.name());
        }

        ObjectNode toJson(ObjectMapper json) {
            ObjectNode body = json.createObjectNode();
            body.put("title", title);
            body.put("summary", summary);
            if (!kind.isBlank()) {
                body.put("kind", kind);
            }
            var topicArray = body.putArray("topics");
            topics.forEach(topicArray::add);
            var audienceArray = body.putArray("audiences");
            audiences.forEach(audienceArray::add);
            var languageArray = body.putArray("languages");
            Arrays.stream(languages.split("[,\\s]+")).filter(l -> !l.isBlank()).forEach(languageArray::add);
            if (!url.isBlank()) {
                body.put("url", url.strip());
            }
            if (!publishedOn.isBlank()) {
                body.put("publishedOn", publishedOn.strip());
            }
            if (!retiredOn.isBlank()) {
                body.put("retiredOn", retiredOn.strip());
            }
            return body;
        }
    }

    private final ResourceLibraryApi library;
    private final ConsoleConfig config;
    private final ObjectMapper json;

    @Inject
    public ResourcePages(@RestClient ResourceLibraryApi library, ConsoleConfig config, ObjectMapper json) {
        this.library = library;
        this.config = config;
        this.json = json;
    }

    @GET
    public Response search(@QueryParam("q") String q, @QueryParam("topic") String topic,
            @QueryParam("state") String state, @QueryParam("page") Integer page) {
        Search search = new Search(blankToNull(q), blankToNull(topic), blankToNull(state));
        int index = page == null || page < 0 ? 0 : page;
        try {
            ResultPage<LibraryResource> found = library.search(search.q(), search.topic(), search.state(), index,
                    config.pageSize());
            return Response.ok(Templates.library(found, search, TOPICS, List.of())).build();
        } catch (WebApplicationException e) {
            FieldErrors errors = FieldErrors.of(e);
            if (errors.status() != 400) {
                throw e;
            }
            List<String> shown = new ArrayList<>(List.of(errors.title()));
            shown.addAll(errors.all());
            return Response.status(400).entity(Templates.library(new ResultPage<>(List.of(), index,
                    config.pageSize(), 0, 0), search, TOPICS, shown)).build();
        }
    }

    @GET
    @Path("/new")
    @RolesAllowed(StaffUser.ADMIN)
    public TemplateInstance newResource() {
        return page(null, Form.empty(), FieldErrors.none(), null);
    }

    @POST
    @RolesAllowed(StaffUser.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String title, @RestForm String summary, @RestForm String kind,
            @RestForm List<String> topics, @RestForm List<String> audiences, @RestForm String languages,
            @RestForm String url, @RestForm String publishedOn, @RestForm String retiredOn) {
        Form form = form(title, summary, kind, topics, audiences, languages, url, publishedOn, retiredOn, null);
        try {
            LibraryResource created = library.create(form.toJson(json));
            return Response.seeOther(URI.create("/library/" + created.id() + "?done=created")).build();
        } catch (WebApplicationException e) {
            return refused(e, null, form);
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance resource(@PathParam("id") String id, @QueryParam("done") String done) {
        String notice = switch (done == null ? "" : done) {
            case "created" -> "Added: directory has published it.";
            case "saved" -> "Saved: directory has published the change.";
            case "retired" -> "Retired: it is no longer public nor proposed to callers.";
            case "uploaded" -> "PDF attached: its public link is below.";
            default -> null;
        };
        LibraryResource resource = find(id);
        return page(resource, Form.of(resource), FieldErrors.none(), notice);
    }

    @POST
    @Path("/{id}")
    @RolesAllowed(StaffUser.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replace(@PathParam("id") String id, @RestForm String version, @RestForm String title,
            @RestForm String summary, @RestForm String kind, @RestForm List<String> topics,
            @RestForm List<String> audiences, @RestForm String languages, @RestForm String url,
            @RestForm String publishedOn, @RestForm String retiredOn) {
        LibraryResource current = find(id);
        Form form = form(title, summary, kind, topics, audiences, languages, url, publishedOn, retiredOn, version);
        try {
            library.replace(id, "\"" + (version == null ? "" : version.strip()) + "\"", form.toJson(json));
            return Response.seeOther(URI.create("/library/" + id + "?done=saved")).build();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 412) {
                LibraryResource now = find(id);
                return Response.status(409).entity(page(now, Form.of(now), FieldErrors.none(),
                        "Someone changed this resource meanwhile: here is its current state; make your change again."))
                        .build();
            }
            return refused(e, current, form);
        }
    }

    @POST
    @Path("/{id}/retirement")
    @RolesAllowed(StaffUser.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retire(@PathParam("id") String id) {
        find(id);
        library.retire(id);
        return Response.seeOther(URI.create("/library/" + id + "?done=retired")).build();
    }

    @POST
    @Path("/{id}/file")
    @RolesAllowed(StaffUser.ADMIN)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("id") String id, @RestForm("file") FileUpload file) {
        LibraryResource resource = find(id);
        if (file == null || file.size() == 0) {
            return Response.status(422).entity(page(resource, Form.of(resource),
                    FieldErrors.none(), "Choose a PDF file first.")).build();
        }
        try {
            byte[] content = Files.readAllBytes(file.uploadedFile());
            library.attach(id, plainName(file.fileName()), content);
            return Response.seeOther(URI.create("/library/" + id + "?done=uploaded")).build();
        } catch (IOException e) {
            throw new UncheckedIOException("The uploaded file could not be read", e);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                throw e;
            }
            FieldErrors errors = FieldErrors.of(e);
            return Response.status(422).entity(page(resource, Form.of(resource), errors, null)).build();
        }
    }

    private Response refused(WebApplicationException e, LibraryResource resource, Form form) {
        FieldErrors errors = FieldErrors.of(e);
        if (errors.status() != 400 && errors.status() != 409) {
            throw e;
        }
        return Response.status(422).entity(page(resource, form, errors, null)).build();
    }

    private TemplateInstance page(LibraryResource resource, Form form, FieldErrors errors, String notice) {
        return Templates.resource(resource, form, TOPICS, List.of(ResourceKind.values()),
                List.of(ResourceAudience.values()), errors, notice);
    }

    private LibraryResource find(String id) {
        try {
            UUID.fromString(id);
            return library.get(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new NotFoundException();
            }
            throw e;
        }
    }

    private static Form form(String title, String summary, String kind, List<String> topics, List<String> audiences,
            String languages, String url, String publishedOn, String retiredOn, String version) {
        return new Form(orEmpty(title), orEmpty(summary), orEmpty(kind), topics == null ? List.of() : topics,
                audiences == null ? List.of() : audiences, orEmpty(languages), orEmpty(url), orEmpty(publishedOn),
                orEmpty(retiredOn), version);
    }

    /** The browser's file name reduced to what directory accepts; directory names its own when none is left. */
    static String plainName(String name) {
        if (name == null) {
            return null;
        }
        String stem = name.replaceAll(".*[\\\\/]", "").replaceFirst("(?i)\\.pdf$", "")
                .replaceAll("[^A-Za-z0-9._ -]", "_").replaceFirst("^[^A-Za-z0-9]+", "");
        return stem.isEmpty() || stem.length() > 115 ? null : stem + ".pdf";
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
