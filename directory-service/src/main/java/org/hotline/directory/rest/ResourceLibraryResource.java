package org.hotline.directory.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.directory.LibraryResource;
import org.hotline.directory.ResourceFile;
import org.hotline.directory.service.ResourceLibrary;
import org.hotline.platform.rest.PageParameters;
import org.hotline.platform.rest.ResultPage;
import org.hotline.platform.security.Roles;

/**
 * The resource library for staff: agents and supervisors search it to answer information and training requests;
 * administrators keep it. Every change goes through {@link ResourceLibrary}, which publishes it.
 */
@Path("/api/v1/resources")
@Tag(name = "Resources", description = "The library of anti-trafficking resources and materials")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ResourceLibraryResource {

    private final ResourceViews views;
    private final ResourceLibrary library;

    public ResourceLibraryResource(ResourceViews views, ResourceLibrary library) {
        this.views = views;
        this.library = library;
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Search the library", description = "Filters combine with AND: a topic (a need or a "
            + "trafficking type), an audience, a language, full text over title and summary (q), and the state today "
            + "(DRAFT, PUBLISHED, RETIRED; any without). With q the most relevant first, then by title.")
    public ResultPage<ResourceView> search(
            @BeanParam PageParameters paging,
            @Parameter(description = "A Need or a TraffickingType") @QueryParam("topic") String topic,
            @Parameter(description = "A ResourceAudience") @QueryParam("audience") String audience,
            @Parameter(description = "A BCP 47 language tag") @QueryParam("language") String language,
            @Parameter(description = "Full-text query over title and summary") @QueryParam("q") String q,
            @Parameter(description = "DRAFT, PUBLISHED or RETIRED") @QueryParam("state") String state) {
        return views.search(new ResourceQuery.Raw(topic, audience, language, q, state), paging, false);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a resource", description = "Answers 201 with the resource, a Location and an ETag. "
            + "Without url, attach its PDF with PUT /api/v1/resources/{id}/file.")
    public Response create(@Valid @NotNull ResourceRequest request) {
        LibraryResource created = library.create(UUID.randomUUID(), request);
        return Response.created(ResourceViews.location(created)).tag(etag(created))
                .entity(views.view(created)).build();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Path("/{id}")
    @Operation(summary = "A resource by id", description = "The ETag header is the resource's version.")
    public Response get(@PathParam("id") String id) {
        ResourceView resource = views.get(id, false);
        return Response.ok(resource).tag(VersionTag.of(resource.version())).build();
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}")
    @Operation(summary = "Replace a resource", description = "The body is the whole resource but its file, which "
            + "stays. With If-Match holding the version last read, a change made meanwhile answers 412.")
    public Response replace(@PathParam("id") String id,
            @Parameter(description = "ETag (version) of the resource as last read")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ResourceRequest request) {
        UUID resourceId = ResourceViews.parse(id).orElseThrow(() -> ResourceViews.notFound(id));
        LibraryResource replaced = library.replace(resourceId, VersionTag.expected(ifMatch, "the resource's"), request);
        return Response.ok(views.view(replaced)).tag(etag(replaced)).build();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}/retire")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Retire a resource", description = "From today it is no longer public nor proposed by "
            + "routing (consumers receive a tombstone); it stays in the library for staff.")
    public Response retire(@PathParam("id") String id) {
        UUID resourceId = ResourceViews.parse(id).orElseThrow(() -> ResourceViews.notFound(id));
        LibraryResource retired = library.retire(resourceId);
        return Response.ok(views.view(retired)).tag(etag(retired)).build();
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}")
    @Operation(summary = "Delete a resource", description = "Answers 204; consumers receive a tombstone.")
    public Response delete(@PathParam("id") String id) {
        library.delete(ResourceViews.parse(id).orElseThrow(() -> ResourceViews.notFound(id)));
        return Response.noContent().build();
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}/file")
    @Consumes({ResourceFile.PDF, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Attach the resource's PDF", description = "The body is the file itself. Its bytes must be "
            + "a PDF (they start with %PDF-), whatever type is declared, and within "
            + "hotline.directory.resources.max-file-size (413 beyond). Replaces an earlier file; 409 when the "
            + "resource has a url.")
    public Response attach(@PathParam("id") String id,
            @Parameter(description = "The file's name, ending in .pdf") @QueryParam("fileName") String fileName,
            byte[] content) {
        UUID resourceId = ResourceViews.parse(id).orElseThrow(() -> ResourceViews.notFound(id));
        LibraryResource resource = library.attach(resourceId, fileName, content);
        return Response.ok(views.view(resource)).tag(etag(resource)).build();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Path("/{id}/file")
    @Produces({ResourceFile.PDF, "application/problem+json"})
    @Operation(summary = "Download the resource's PDF", description = "Whatever its state; 404 without a file.")
    public Response download(@PathParam("id") String id) {
        return views.download(id, false);
    }

    private static EntityTag etag(LibraryResource resource) {
        return VersionTag.of(resource.version());
    }
}
