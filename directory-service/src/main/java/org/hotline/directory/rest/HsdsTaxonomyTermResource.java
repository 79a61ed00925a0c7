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
import org.hotline.directory.hsds.HsdsTerms;
import org.hotline.platform.security.Roles;

/** HSDS taxonomy terms, held in memory by {@link HsdsTerms} (no database read). */
@Path("/hsds/taxonomy_terms")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.PARTNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open Referral HSDS 3.0")
public class HsdsTaxonomyTermResource {

    private final HsdsReads reads;

    public HsdsTaxonomyTermResource(HsdsReads reads) {
        this.reads = reads;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, HsdsNdjson.MEDIA_TYPE})
    @Operation(summary = "Taxonomy terms", description = "Query: taxonomy_id, page, per_page, format. The "
            + "directory's taxonomies are flat: every term is top-level.")
    public Response taxonomyTerms(@QueryParam("taxonomy_id") String taxonomyId, @BeanParam HsdsPageParameters page) {
        return reads.taxonomyTerms(taxonomyId, page);
    }

    @GET
    @Path("/{id}")
    public Hsds.TaxonomyTerm taxonomyTerm(@PathParam("id") String id) {
        return reads.taxonomyTerm(id);
    }
}
