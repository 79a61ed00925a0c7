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
 * The root of the Open Referral HSDS 3.0 read API (the paths, parameters and Page wrapper of HSDS's
 * {@code openapi.json}, under {@code /hsds}): {@link HsdsServiceResource}, {@link HsdsOrganizationResource} and
 * {@link HsdsTaxonomyResource} serve the rest. Filters combine with AND; pages count from 1. Output validates against
 * the official HSDS 3.0 schemas; the hotline's own fields are attributes (see the README's mapping). Read only, for
 * every staff role and partners; the import is an administrator's command ({@link AdminResource}).
 */
@Path("/hsds")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.PARTNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open Referral HSDS 3.0", description = "The directory as Human Services Data Specification 3.0")
public class HsdsResource {

    @GET
    @Operation(summary = "About this API", description = "The HSDS version served and the OpenAPI document.")
    public Hsds.ApiInfo info(@Context UriInfo uri) {
        return new Hsds.ApiInfo(Hsds.VERSION, null, uri.getBaseUri().resolve("/q/openapi").toString());
    }
}
