package org.hotline.directory.rest;

import java.util.UUID;

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
import org.hotline.directory.hsds.HsdsPaging;
import org.hotline.directory.hsds.HsdsTerms;
import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.rest.QueryParameters;
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

    private final HsdsTerms terms;

    public HsdsTaxonomyResource(HsdsTerms terms) {
        this.terms = terms;
    }

    @GET
        @Operation(summary = "Taxonomies", description = "The directory's taxonomies: needs, audiences and the "
            + "attributes that carry the hotline's own fields.")
    public Hsds.Page<Hsds.Taxonomy> taxonomies(@BeanParam HsdsPageParameters page) {
        QueryParameters params = new QueryParameters();
        HsdsPaging paging = page.read(params);
        params.throwIfInvalid();
        return paging.of(terms.taxonomies());
    }

    @GET
    @Path("/{id}")
    public Hsds.Taxonomy taxonomy(@PathParam("id") String id) {
        UUID wanted = new QueryParameters().uuid("id", id).orElse(null);
        return terms.taxonomies().stream().filter(t -> t.id().equals(wanted)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("The taxonomy"));
    }
}
