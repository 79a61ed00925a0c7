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

/** HSDS organizations, the staff read: the page of them by name and one with its services (see {@link HsdsResource}). */
@Path("/hsds/organizations")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.PARTNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open Referral HSDS 3.0")
public class HsdsOrganizationResource {

    private final HsdsReads reads;

    public HsdsOrganizationResource(HsdsReads reads) {
        this.reads = reads;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, HsdsNdjson.MEDIA_TYPE})
    @Operation(summary = "Organizations", description = "A Page of organisations by name (with format=ndjson every "
            + "match in id order, one per line). Query: search (full text), page (from 1), per_page (1-500, default "
            + "50), format (json, ndjson), full (with attributes and services), full_service (services fully "
            + "nested: the export that POST /api/v1/admin/hsds/import reads).")
    public Response organizations(@QueryParam("search") String search,
            @QueryParam("full_service") String fullService, @QueryParam("full") String full,
            @BeanParam HsdsPageParameters page) {
        return reads.organizations(search, fullService, full, page, Reader.STAFF);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An organization", description = "With its attributes and services; full_service=true "
            + "nests the services fully.")
    public Hsds.Organization organization(@PathParam("id") String id, @QueryParam("full_service") String fullService) {
        return reads.organization(id, fullService, Reader.STAFF);
    }
}
