package org.hotline.directory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.directory.hsds.Hsds;
import org.hotline.directory.hsds.HsdsExport;
import org.hotline.directory.hsds.HsdsPaging;
import org.hotline.directory.service.HsdsCatalogue;
import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.rest.QueryParameters;
import org.hotline.platform.security.Roles;

/** HSDS organizations: the page of them by name and one with its services (see {@link HsdsResource}). */
@Path("/hsds/organizations")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.PARTNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open Referral HSDS 3.0")
public class HsdsOrganizationResource {

    private final HsdsCatalogue catalogue;

    public HsdsOrganizationResource(HsdsCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Operation(summary = "Organizations", description = "A Page of organisations by name. Query: search (full "
            + "text), page (from 1), per_page (1-500, default 50), format (json), full (with attributes and services), "
            + "full_service (services fully nested: the export that POST /api/v1/admin/hsds/import reads).")
    public Hsds.Page<Hsds.Organization> organizations(@QueryParam("search") String search,
            @QueryParam("full_service") String fullService, @QueryParam("full") String full,
            @BeanParam HsdsPageParameters page) {
        QueryParameters params = new QueryParameters();
        HsdsPaging paging = page.read(params);
        String query = params.text("search", search, ListParameters.MAX_QUERY_LENGTH).orElse(null);
        boolean fullServices = params.bool("full_service", fullService).orElse(false);
        boolean isFull = params.bool("full", full).orElse(false);
        params.throwIfInvalid();
        HsdsExport.Depth depth = fullServices ? HsdsExport.Depth.FULL_SERVICES
                : isFull ? HsdsExport.Depth.FULL : HsdsExport.Depth.BASIC;
        return catalogue.organizations(query, paging, depth);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An organization", description = "With its attributes and services; full_service=true "
            + "nests the services fully.")
    public Hsds.Organization organization(@PathParam("id") String id, @QueryParam("full_service") String fullService) {
        QueryParameters params = new QueryParameters();
        boolean fully = params.bool("full_service", fullService).orElse(false);
        params.throwIfInvalid();
        return new QueryParameters().uuid("id", id)
                .flatMap(organization -> catalogue.organization(organization,
                        fully ? HsdsExport.Depth.FULL_SERVICES : HsdsExport.Depth.FULL))
                .orElseThrow(() -> ProblemException.notFound("The organization"));
    }
}
