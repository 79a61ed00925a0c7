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

/** HSDS taxonomy terms, held in memory by {@link HsdsTerms} (no database read). */
@Path("/hsds/taxonomy_terms")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.PARTNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open Referral HSDS 3.0")
public class HsdsTaxonomyTermResource {

    private final HsdsTerms terms;

    public HsdsTaxonomyTermResource(HsdsTerms terms) {
        this.terms = terms;
    }

    @GET
        @Operation(summary = "Taxonomy terms", description = "Query: taxonomy_id, page, per_page, format. The "
            + "directory's taxonomies are flat: every term is top-level.")
    public Hsds.Page<Hsds.TaxonomyTerm> taxonomyTerms(@QueryParam("taxonomy_id") String taxonomyId,
            @BeanParam HsdsPageParameters page) {
        QueryParameters params = new QueryParameters();
        HsdsPaging paging = page.read(params);
        UUID taxonomy = params.uuid("taxonomy_id", taxonomyId).orElse(null);
        params.throwIfInvalid();
        return paging.of(terms.all().stream()
                .filter(t -> taxonomy == null || taxonomy.equals(t.taxonomyId())).toList());
    }

    @GET
    @Path("/{id}")
    public Hsds.TaxonomyTerm taxonomyTerm(@PathParam("id") String id) {
        return new QueryParameters().uuid("id", id).flatMap(termId -> terms.find(termId, null, null))
                .orElseThrow(() -> ProblemException.notFound("The taxonomy term"));
    }
}
