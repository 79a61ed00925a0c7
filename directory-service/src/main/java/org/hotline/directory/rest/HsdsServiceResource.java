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
import org.hotline.directory.hsds.HsdsTermFilter;
import org.hotline.directory.hsds.HsdsTerms;
import org.hotline.directory.repository.ServiceRepository;
import org.hotline.directory.service.HsdsCatalogue;
import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.rest.QueryParameters;
import org.hotline.platform.security.Roles;

/** HSDS services: the page of them and one fully nested (see {@link HsdsResource}). */
@Path("/hsds/services")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.PARTNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open Referral HSDS 3.0")
public class HsdsServiceResource {

    private final HsdsCatalogue catalogue;
    private final HsdsTerms terms;

    public HsdsServiceResource(HsdsCatalogue catalogue, HsdsTerms terms) {
        this.catalogue = catalogue;
        this.terms = terms;
    }

    @GET
    @Operation(summary = "Services", description = "A Page of services in id order. Query: search (full text), page "
            + "(from 1), per_page (1-500, default 50), format (json), taxonomy_term_id, taxonomy_id, organization_id, "
            + "modified_after (ISO-8601 date-time), minimal, full (fully nested services).")
    public Hsds.Page<Hsds.Service> services(@QueryParam("search") String search, @BeanParam HsdsPageParameters page,
            @QueryParam("taxonomy_term_id") String taxonomyTermId, @QueryParam("taxonomy_id") String taxonomyId,
            @QueryParam("organization_id") String organizationId, @QueryParam("modified_after") String modifiedAfter,
            @QueryParam("minimal") String minimal, @QueryParam("full") String full) {
        QueryParameters params = new QueryParameters();
        HsdsPaging paging = page.read(params);
        String query = params.text("search", search, ListParameters.MAX_QUERY_LENGTH).orElse(null);
        UUID termId = params.uuid("taxonomy_term_id", taxonomyTermId).orElse(null);
        UUID taxonomy = params.uuid("taxonomy_id", taxonomyId).orElse(null);
        UUID organization = params.uuid("organization_id", organizationId).orElse(null);
        var after = params.instant("modified_after", modifiedAfter).orElse(null);
        boolean isMinimal = params.bool("minimal", minimal).orElse(false);
        boolean isFull = params.bool("full", full).orElse(false);
        params.throwIfInvalid();
        HsdsTermFilter term = HsdsTermFilter.of(terms, termId, taxonomy);
        return catalogue.services(new ServiceRepository.Filter(query, term.condition(), term.value(), organization,
                after), paging, isMinimal, isFull);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A fully nested service", description = "With its organisation, phones, schedules, "
            + "service areas, languages and attributes.")
    public Hsds.Service service(@PathParam("id") String id) {
        return new QueryParameters().uuid("id", id).flatMap(catalogue::service)
                .orElseThrow(() -> ProblemException.notFound("The service"));
    }
}
