package org.hotline.directory.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.directory.hsds.Hsds;
import org.hotline.directory.hsds.HsdsExport.Reader;

/**
 * The public HSDS read, for partner directories and 211s to sync from without a token: the same paths, parameters
 * and answers as the staff read under {@code /hsds} ({@link HsdsReads}), under {@code /api/v1/public/hsds}, less
 * what is confidential: no organisation marked confidential or admitting law-enforcement referrals only, no service
 * marked confidential (their ids answer 404), and a confidential location without its address or coordinates, never
 * matched by postcode or proximity. Every request counts against the client's limit ({@link PublicReadLimiter}).
 */
@Path("/api/v1/public/hsds")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public HSDS 3.0 read", description = "The directory as HSDS 3.0 without what is confidential")
public class PublicHsdsResource {

    private final HsdsReads reads;
    private final PublicReadLimiter limiter;

    public PublicHsdsResource(HsdsReads reads, PublicReadLimiter limiter) {
        this.reads = reads;
        this.limiter = limiter;
    }

    @GET
    @Operation(summary = "About this API", description = "As GET /hsds.")
    public Hsds.ApiInfo info(@Context UriInfo uri, @Context HttpServerRequest request) {
        limiter.admit(request);
        return reads.info(uri.getBaseUri());
    }

    @GET
    @Path("/services")
    @Produces({MediaType.APPLICATION_JSON, HsdsNdjson.MEDIA_TYPE})
    @Operation(summary = "Services", description = "As GET /hsds/services, without confidential ones.")
    public Response services(@BeanParam HsdsFilterParameters filters, @BeanParam HsdsPageParameters page,
            @QueryParam("minimal") String minimal, @QueryParam("full") String full,
            @Context HttpServerRequest request) {
        limiter.admit(request);
        return reads.services(filters, page, minimal, full, Reader.PUBLIC);
    }

    @GET
    @Path("/services/{id}")
    @Operation(summary = "A fully nested service", description = "As GET /hsds/services/{id}; 404 when confidential.")
    public Hsds.Service service(@PathParam("id") String id, @Context HttpServerRequest request) {
        limiter.admit(request);
        return reads.service(id, Reader.PUBLIC);
    }

    @GET
    @Path("/organizations")
    @Produces({MediaType.APPLICATION_JSON, HsdsNdjson.MEDIA_TYPE})
    @Operation(summary = "Organizations", description = "As GET /hsds/organizations, without confidential ones.")
    public Response organizations(@QueryParam("search") String search,
            @QueryParam("full_service") String fullService, @QueryParam("full") String full,
            @BeanParam HsdsPageParameters page, @Context HttpServerRequest request) {
        limiter.admit(request);
        return reads.organizations(search, fullService, full, page, Reader.PUBLIC);
    }

    @GET
    @Path("/organizations/{id}")
    @Operation(summary = "An organization", description = "As GET /hsds/organizations/{id}; 404 when confidential.")
    public Hsds.Organization organization(@PathParam("id") String id, @QueryParam("full_service") String fullService,
            @Context HttpServerRequest request) {
        limiter.admit(request);
        return reads.organization(id, fullService, Reader.PUBLIC);
    }

    @GET
    @Path("/service_at_locations")
    @Produces({MediaType.APPLICATION_JSON, HsdsNdjson.MEDIA_TYPE})
    @Operation(summary = "Service at locations", description = "As GET /hsds/service_at_locations; a confidential "
            + "location has no address or coordinates and is never matched by postcode or proximity.")
    public Response serviceAtLocations(@BeanParam HsdsFilterParameters filters,
            @QueryParam("postcode") String postcode, @QueryParam("proximity") String proximity,
            @QueryParam("full") String full, @BeanParam HsdsPageParameters page, @Context HttpServerRequest request) {
        limiter.admit(request);
        return reads.serviceAtLocations(filters, postcode, proximity, full, page, Reader.PUBLIC);
    }

    @GET
    @Path("/service_at_locations/{id}")
    @Operation(summary = "A service at a location", description = "As GET /hsds/service_at_locations/{id}.")
    public Hsds.ServiceAtLocation serviceAtLocation(@PathParam("id") String id, @Context HttpServerRequest request) {
        limiter.admit(request);
        return reads.serviceAtLocation(id, Reader.PUBLIC);
    }

    @GET
    @Path("/taxonomies")
    @Produces({MediaType.APPLICATION_JSON, HsdsNdjson.MEDIA_TYPE})
    @Operation(summary = "Taxonomies", description = "As GET /hsds/taxonomies.")
    public Response taxonomies(@BeanParam HsdsPageParameters page, @Context HttpServerRequest request) {
        limiter.admit(request);
        return reads.taxonomies(page);
    }

    @GET
    @Path("/taxonomies/{id}")
    @Operation(summary = "A taxonomy")
    public Hsds.Taxonomy taxonomy(@PathParam("id") String id, @Context HttpServerRequest request) {
        limiter.admit(request);
        return reads.taxonomy(id);
    }

    @GET
    @Path("/taxonomy_terms")
    @Produces({MediaType.APPLICATION_JSON, HsdsNdjson.MEDIA_TYPE})
    @Operation(summary = "Taxonomy terms", description = "As GET /hsds/taxonomy_terms.")
    public Response taxonomyTerms(@QueryParam("taxonomy_id") String taxonomyId, @BeanParam HsdsPageParameters page,
            @Context HttpServerRequest request) {
        limiter.admit(request);
        return reads.taxonomyTerms(taxonomyId, page);
    }

    @GET
    @Path("/taxonomy_terms/{id}")
    @Operation(summary = "A taxonomy term")
    public Hsds.TaxonomyTerm taxonomyTerm(@PathParam("id") String id, @Context HttpServerRequest request) {
        limiter.admit(request);
        return reads.taxonomyTerm(id);
    }
}
