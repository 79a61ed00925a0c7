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

/**
 * HSDS taxonomies: the directory's needs, audiences and the attributes that carry its own fields (held in memory by
 * {@link HsdsTerms}; no database read). Their terms: {@link HsdsTaxonomyTermResource}.
 */
@Path("/hsds/taxonomies")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.PARTNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open Referral HSDS 3.0")
public class HsdsTaxonomyResource {

    private final HsdsReads reads;

    public HsdsTaxonomyResource(HsdsReads reads) {
        this.reads = reads;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, HsdsNdjson.MEDIA_TYPE})
    @Operation(summary = "Taxonomies", description = "The directory's taxonomies: needs, audiences and the "
            + "attributes that carry the hotline's own fields.")
    public Response taxonomies(@BeanParam HsdsPageParameters page) {
        return reads.taxonomies(page);
    }

    @GET
    @Path("/{id}")
    public Hsds.Taxonomy taxonomy(@PathParam("id") String id) {
        return reads.taxonomy(id);
    }
}
