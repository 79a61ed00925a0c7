package org.hotline.directory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.directory.hsds.Hsds;
import org.hotline.directory.hsds.HsdsExport.Reader;
import org.hotline.platform.security.Roles;

/** HSDS service_at_locations, the staff read: each service at each of its locations (see {@link HsdsResource}). */
@Path("/hsds/service_at_locations")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.PARTNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open Referral HSDS 3.0")
public class HsdsServiceAtLocationResource {

    private final HsdsReads reads;

    public HsdsServiceAtLocationResource(HsdsReads reads) {
        this.reads = reads;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, HsdsNdjson.MEDIA_TYPE})
    @Operation(summary = "Service at locations", description = "A Page of service_at_locations in id order (or "
            + "ndjson). Query: search, taxonomy_term_id, taxonomy_id, organization_id, modified_after, full, page, "
            + "per_page, format, postcode (5-digit ZIP: the service's area covers it or its location is in it), "
            + "proximity (meters from the centroid of postcode, which it needs).")
    public Response serviceAtLocations(@BeanParam HsdsFilterParameters filters,
            @QueryParam("postcode") String postcode, @QueryParam("proximity") String proximity,
            @QueryParam("full") String full, @BeanParam HsdsPageParameters page) {
        return reads.serviceAtLocations(filters, postcode, proximity, full, page, Reader.STAFF);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A service at a location", description = "The location and the fully nested service.")
    public Hsds.ServiceAtLocation serviceAtLocation(@PathParam("id") String id) {
        return reads.serviceAtLocation(id, Reader.STAFF);
    }
}
