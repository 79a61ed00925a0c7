package org.hotline.directory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.directory.hsds.Hsds;
import org.hotline.platform.security.Roles;

/**
 * The root of the Open Referral HSDS 3.0 read API, the staff read (the paths, parameters and Page wrapper of HSDS's
 * {@code openapi.json}, under {@code /hsds}): {@link HsdsServiceResource}, {@link HsdsOrganizationResource},
 * {@link HsdsServiceAtLocationResource} and {@link HsdsTaxonomyResource} serve the rest, through {@link HsdsReads}.
 * Filters combine with AND; pages count from 1; {@code format=ndjson} streams. Output validates against the hotline
 * profile's compiled schemas ({@link HsdsProfileResource}) and, without the profile's fields, against HSDS 3.0's.
 * Staff and partners see everything, confidential records included; the public read is {@link PublicHsdsResource}.
 */
@Path("/hsds")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.PARTNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open Referral HSDS 3.0", description = "The directory as Human Services Data Specification 3.0")
public class HsdsResource {

    private final HsdsReads reads;

    public HsdsResource(HsdsReads reads) {
        this.reads = reads;
    }

    @GET
    @Operation(summary = "About this API", description = "The HSDS version served, the hotline profile's URI and "
            + "the OpenAPI document.")
    public Hsds.ApiInfo info(@Context UriInfo uri) {
        return reads.info(uri.getBaseUri());
    }
}
