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

/** HSDS services, the staff read: the page (or ndjson stream) of them and one fully nested (see {@link HsdsResource}). */
@Path("/hsds/services")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.PARTNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open Referral HSDS 3.0")
public class HsdsServiceResource {

    private final HsdsReads reads;

    public HsdsServiceResource(HsdsReads reads) {
        this.reads = reads;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, HsdsNdjson.MEDIA_TYPE})
    @Operation(summary = "Services", description = "A Page of services in id order, or with format=ndjson every "
            + "match streamed, one per line. Query: search (full text), page (from 1), per_page (1-500, default 50), "
            + "format (json, ndjson), taxonomy_term_id, taxonomy_id, organization_id, modified_after (ISO-8601 "
            + "date-time), minimal, full (fully nested services).")
    public Response services(@BeanParam HsdsFilterParameters filters, @BeanParam HsdsPageParameters page,
            @QueryParam("minimal") String minimal, @QueryParam("full") String full) {
        return reads.services(filters, page, minimal, full, Reader.STAFF);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A fully nested service", description = "With its organisation, phones, schedules, "
            + "service areas, locations (service_at_locations), languages and attributes.")
    public Hsds.Service service(@PathParam("id") String id) {
        return reads.service(id, Reader.STAFF);
    }
}
