package org.hotline.directory.rest;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.platform.rest.ResultPage;
import org.hotline.directory.Organization;
import org.hotline.directory.repository.OrganizationRepository;
import org.hotline.directory.service.OrganizationDirectory;
import org.hotline.platform.problem.ProblemException;

/**
 * The directory's HTTP API for operations staff. Reads go to the repository; every change goes through
 * {@link OrganizationDirectory}, which publishes it.
 */
@Path("/api/v1/organizations")
@Tag(name = "Organizations", description = "The directory of partner organisations and their services")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    private final OrganizationRepository organizations;
    private final OrganizationDirectory directory;

    public OrganizationResource(OrganizationRepository organizations, OrganizationDirectory directory) {
        this.organizations = organizations;
        this.directory = directory;
    }

    @GET
    @Operation(summary = "List organisations", description = "Ordered by name. Query: page (from 0), size (default 20, "
            + "at most 200), need (a service covers it), state (a service's area covers it: national, the state, or "
            + "one of its counties). Filters are AND-combined on the same service.")
    public ResultPage<OrganizationView> list(
            @Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 200, default 20") @QueryParam("size") String size,
            @Parameter(description = "A Need that one service covers") @QueryParam("need") String need,
            @Parameter(description = "Two-letter state code that the same service's area covers")
            @QueryParam("state") String state,
            @Context UriInfo uri) {
        ListParameters query = ListParameters.parse(page, size, need, state, uri.getQueryParameters().keySet());
        List<OrganizationView> items = organizations.page(query.filter(), query.page(), query.size()).stream()
                .map(OrganizationView::of).toList();
        long total = organizations.countMatching(query.filter());
        return ResultPage.of(items, query.page(), query.size(), total);
    }

    @POST
    @Operation(summary = "Add an organisation", description = "Answers 201 with the organisation, its new id and a "
            + "Location header. Services without an id get one.")
    public Response create(@Valid @NotNull OrganizationRequest request) {
        Organization created = directory.create(UUID.randomUUID(), request);
        return Response.created(URI.create("/api/v1/organizations/" + created.id()))
                .tag(etag(created))
                .entity(OrganizationView.of(created))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An organisation by id", description = "The ETag header is the organisation's version.")
    public Response get(@PathParam("id") String id) {
        Organization organization = parse(id).flatMap(organizations::findByIdOptional)
                .orElseThrow(() -> notFound(id));
        return Response.ok(OrganizationView.of(organization)).tag(etag(organization)).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace an organisation", description = "The body is the whole organisation. With an "
            + "If-Match header holding the version last read (its ETag), a change made meanwhile answers 412.")
    public Response replace(@PathParam("id") String id,
            @Parameter(description = "ETag (version) of the organisation as last read")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull OrganizationRequest request) {
        UUID organizationId = parse(id).orElseThrow(() -> notFound(id));
        Organization replaced = directory.replace(organizationId, expectedVersion(ifMatch), request);
        return Response.ok(OrganizationView.of(replaced)).tag(etag(replaced)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an organisation", description = "Answers 204; consumers receive a tombstone.")
    public Response delete(@PathParam("id") String id) {
        directory.delete(parse(id).orElseThrow(() -> notFound(id)));
        return Response.noContent().build();
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ProblemException notFound(String id) {
        // An id that is not a UUID names no organisation either; it is not echoed.
        return ProblemException.notFound(parse(id).isPresent() ? "Organization " + id : "The organization");
    }

    private static EntityTag etag(Organization organization) {
        return new EntityTag(Long.toString(organization.version()));
    }

    /** The version in an {@code If-Match} header ({@code "3"}); {@code null} without one or for {@code *}. */
    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new ProblemException(412, "precondition-failed", "Precondition failed",
                    "If-Match must hold the organisation's ETag, e.g. \"3\"");
        }
    }
}
