package org.hotline.directory.rest;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.platform.rest.PageParameters;
import org.hotline.platform.rest.PageRequest;
import org.hotline.platform.rest.QueryParameters;
import org.hotline.platform.rest.ResultPage;
import org.hotline.directory.Organization;
import org.hotline.directory.service.OrganizationCatalogue;
import org.hotline.directory.service.OrganizationDirectory;
import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.security.Roles;

/**
 * The directory's HTTP API for operations staff. Reads go through {@link OrganizationCatalogue}; every change goes
 * through {@link OrganizationDirectory}, which publishes it. Every staff role and partners read the directory; only
 * administrators change it.
 */
@Path("/api/v1/organizations")
@Tag(name = "Organizations", description = "The directory of partner organisations and their services")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    private final OrganizationCatalogue catalogue;
    private final OrganizationDirectory directory;

    public OrganizationResource(OrganizationCatalogue catalogue, OrganizationDirectory directory) {
        this.catalogue = catalogue;
        this.directory = directory;
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Search organisations", description = "Filters combine with AND. need, the place (state, "
            + "county, postalCode) and openAt apply to one and the same service; audience and q to the organisation. "
            + "Ranked local over state over national, then by text relevance (with q), then most recently verified. "
            + "A bad parameter answers 400 naming it.")
    public ResultPage<OrganizationView> list(@BeanParam PageParameters paging,
            @Parameter(description = "A Need that the service covers") @QueryParam("need") String need,
            @Parameter(description = "Two-letter state code of the caller's place; alone, any service serving "
                    + "somewhere in the state matches") @QueryParam("state") String state,
            @Parameter(description = "County of the caller's place, STATE:County, e.g. CA:Santa Cruz")
            @QueryParam("county") String county,
            @Parameter(description = "Five-digit ZIP code of the caller's place") @QueryParam("postalCode")
            String postalCode,
            @Parameter(description = "ISO-8601 date-time with offset; the service is open then in its own time zone")
            @QueryParam("openAt") String openAt,
            @Parameter(description = "An Audience the organisation admits (it lists it, or lists none)")
            @QueryParam("audience") String audience,
            @Parameter(description = "Full-text query over names and description") @QueryParam("q") String q) {
        ListParameters query = ListParameters.parse(new ListParameters.Raw(need, state, county, postalCode, openAt,
                audience, q), paging);
        return catalogue.search(query.filter(), query.page(), OrganizationView::of);
    }

    @GET
    @Path("/verification-due")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Organisations whose verification is due",
            description = "Never verified, or last verified (lastVerifiedOn, HSDS assured_date) before today in the "
                    + "hotline's zone less hotline.directory.verification.max-age (180 days): never verified first, "
                    + "then the oldest.")
    public ResultPage<OrganizationView> verificationDue(@BeanParam PageParameters paging) {
        QueryParameters params = new QueryParameters();
        PageRequest page = params.page(paging);
        params.throwIfInvalid();
        return catalogue.verificationDue(page, OrganizationView::of);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
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
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.PARTNER, Roles.ADMIN})
    @Path("/{id}")
    @Operation(summary = "An organisation by id", description = "The ETag header is the organisation's version.")
    public Response get(@PathParam("id") String id) {
        OrganizationView organization = parse(id).flatMap(found -> catalogue.find(found, OrganizationView::of))
                .orElseThrow(() -> notFound(id));
        return Response.ok(organization).tag(VersionTag.of(organization.version())).build();
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}")
    @Operation(summary = "Replace an organisation", description = "The body is the whole organisation. With an "
            + "If-Match header holding the version last read (its ETag), a change made meanwhile answers 412.")
    public Response replace(@PathParam("id") String id,
            @Parameter(description = "ETag (version) of the organisation as last read")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull OrganizationRequest request) {
        UUID organizationId = parse(id).orElseThrow(() -> notFound(id));
        Organization replaced = directory.replace(organizationId, VersionTag.expected(ifMatch, "the organisation's"),
                request);
        return Response.ok(OrganizationView.of(replaced)).tag(etag(replaced)).build();
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
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
        return VersionTag.of(organization.version());
    }
}
