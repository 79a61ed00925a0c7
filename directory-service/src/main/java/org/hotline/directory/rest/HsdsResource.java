package org.hotline.directory.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.directory.Organization;
import org.hotline.directory.Service;
import org.hotline.directory.hsds.Hsds;
import org.hotline.directory.hsds.HsdsExport;
import org.hotline.directory.hsds.HsdsTermFilter;
import org.hotline.directory.hsds.HsdsTerms;
import org.hotline.directory.repository.OrganizationRepository;
import org.hotline.directory.repository.ServiceRepository;
import org.hotline.platform.problem.Problem;
import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.security.Roles;

/**
 * The Open Referral HSDS 3.0 read API (the paths, parameters and Page wrapper of HSDS's {@code openapi.json}, under
 * {@code /hsds}). Filters combine with AND; pages count from 1. Output validates against the official HSDS 3.0
 * schemas; the hotline's own fields are attributes (see the README's mapping). Read only, for every staff role and
 * partners; the import is an administrator's command ({@link AdminResource}).
 */
@Path("/hsds")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.PARTNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open Referral HSDS 3.0", description = "The directory as Human Services Data Specification 3.0")
public class HsdsResource {

    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 500;

    private final OrganizationRepository organizations;
    private final ServiceRepository services;
    private final HsdsExport export;
    private final HsdsTerms terms;

    public HsdsResource(OrganizationRepository organizations, ServiceRepository services, HsdsExport export,
            HsdsTerms terms) {
        this.organizations = organizations;
        this.services = services;
        this.export = export;
        this.terms = terms;
    }

    @GET
    @Operation(summary = "About this API", description = "The HSDS version served and the OpenAPI document.")
    public Hsds.ApiInfo info(@Context UriInfo uri) {
        return new Hsds.ApiInfo(Hsds.VERSION, null, uri.getBaseUri().resolve("/q/openapi").toString());
    }

    @GET
    @Path("/services")
    @Transactional
    @Operation(summary = "Services", description = "A Page of services in id order. Query: search (full text), page "
            + "(from 1), per_page (1-500, default 50), format (json), taxonomy_term_id, taxonomy_id, organization_id, "
            + "modified_after (ISO-8601 date-time), minimal, full (fully nested services).")
    public Hsds.Page<Hsds.Service> services(@QueryParam("search") String search, @QueryParam("page") String page,
            @QueryParam("per_page") String perPage, @QueryParam("format") String format,
            @QueryParam("taxonomy_term_id") String taxonomyTermId, @QueryParam("taxonomy_id") String taxonomyId,
            @QueryParam("organization_id") String organizationId, @QueryParam("modified_after") String modifiedAfter,
            @QueryParam("minimal") String minimal, @QueryParam("full") String full) {
        List<Problem.Violation> violations = new ArrayList<>();
        Paging paging = paging(page, perPage, format, violations);
        String query = search(search, violations);
        UUID termId = uuid(taxonomyTermId, "taxonomy_term_id", violations);
        UUID taxonomy = uuid(taxonomyId, "taxonomy_id", violations);
        UUID organization = uuid(organizationId, "organization_id", violations);
        Instant after = dateTime(modifiedAfter, violations);
        boolean isMinimal = flag(minimal, "minimal", violations);
        boolean isFull = flag(full, "full", violations);
        refuse(violations);
        HsdsTermFilter term = HsdsTermFilter.of(terms, termId, taxonomy);
        ServiceRepository.Page found = services.page(new ServiceRepository.Filter(query, term.condition(),
                term.value(), organization, after), paging.offset(), paging.perPage());
        List<Hsds.Service> contents = found.services().stream()
                .map(s -> isMinimal ? minimal(s) : export.service(s, isFull, true)).toList();
        return Hsds.Page.of(contents, paging.page(), paging.perPage(), found.total());
    }

    @GET
    @Path("/services/{id}")
    @Transactional
    @Operation(summary = "A fully nested service", description = "With its organisation, phones, schedules, "
            + "service areas, languages and attributes.")
    public Hsds.Service service(@PathParam("id") String id) {
        Service service = parse(id).flatMap(services::findByIdOptional)
                .orElseThrow(() -> ProblemException.notFound("The service"));
        return export.service(service, true, true);
    }

    @GET
    @Path("/organizations")
    @Transactional
    @Operation(summary = "Organizations", description = "A Page of organisations by name. Query: search (full "
            + "text), page (from 1), per_page (1-500, default 50), format (json), full (with attributes and services), "
            + "full_service (services fully nested: the export that POST /api/v1/admin/hsds/import reads).")
    public Hsds.Page<Hsds.Organization> organizations(@QueryParam("search") String search,
            @QueryParam("full_service") String fullService, @QueryParam("full") String full,
            @QueryParam("page") String page, @QueryParam("per_page") String perPage,
            @QueryParam("format") String format) {
        List<Problem.Violation> violations = new ArrayList<>();
        Paging paging = paging(page, perPage, format, violations);
        String query = search(search, violations);
        HsdsExport.Depth depth = depth(fullService, full, violations);
        refuse(violations);
        OrganizationRepository.SearchPage found = organizations.byName(query, paging.offset(), paging.perPage());
        List<Hsds.Organization> contents = organizations.findAllInOrder(found.ids()).stream()
                .map(o -> export.organization(o, depth)).toList();
        return Hsds.Page.of(contents, paging.page(), paging.perPage(), found.total());
    }

    @GET
    @Path("/organizations/{id}")
    @Transactional
    @Operation(summary = "An organization", description = "With its attributes and services; full_service=true "
            + "nests the services fully.")
    public Hsds.Organization organization(@PathParam("id") String id, @QueryParam("full_service") String fullService) {
        List<Problem.Violation> violations = new ArrayList<>();
        boolean fully = flag(fullService, "full_service", violations);
        refuse(violations);
        Organization organization = parse(id).flatMap(organizations::findByIdOptional)
                .orElseThrow(() -> ProblemException.notFound("The organization"));
        return export.organization(organization, fully ? HsdsExport.Depth.FULL_SERVICES : HsdsExport.Depth.FULL);
    }

    @GET
    @Path("/taxonomies")
    @Operation(summary = "Taxonomies", description = "The directory's taxonomies: needs, audiences and the "
            + "attributes that carry the hotline's own fields.")
    public Hsds.Page<Hsds.Taxonomy> taxonomies(@QueryParam("page") String page, @QueryParam("per_page") String perPage,
            @QueryParam("format") String format) {
        List<Problem.Violation> violations = new ArrayList<>();
        Paging paging = paging(page, perPage, format, violations);
        refuse(violations);
        return paging.of(terms.taxonomies());
    }

    @GET
    @Path("/taxonomies/{id}")
    public Hsds.Taxonomy taxonomy(@PathParam("id") String id) {
        return terms.taxonomies().stream().filter(t -> parse(id).filter(t.id()::equals).isPresent()).findFirst()
                .orElseThrow(() -> ProblemException.notFound("The taxonomy"));
    }

    @GET
    @Path("/taxonomy_terms")
    @Operation(summary = "Taxonomy terms", description = "Query: taxonomy_id, page, per_page, format. The "
            + "directory's taxonomies are flat: every term is top-level.")
    public Hsds.Page<Hsds.TaxonomyTerm> taxonomyTerms(@QueryParam("taxonomy_id") String taxonomyId,
            @QueryParam("page") String page, @QueryParam("per_page") String perPage,
            @QueryParam("format") String format) {
        List<Problem.Violation> violations = new ArrayList<>();
        Paging paging = paging(page, perPage, format, violations);
        UUID taxonomy = uuid(taxonomyId, "taxonomy_id", violations);
        refuse(violations);
        return paging.of(terms.all().stream()
                .filter(t -> taxonomy == null || taxonomy.equals(t.taxonomyId())).toList());
    }

    @GET
    @Path("/taxonomy_terms/{id}")
    public Hsds.TaxonomyTerm taxonomyTerm(@PathParam("id") String id) {
        return parse(id).flatMap(termId -> terms.find(termId, null, null))
                .orElseThrow(() -> ProblemException.notFound("The taxonomy term"));
    }

    /** {@code minimal=true}: what a consumer needs to tell which services changed, and what the schema requires. */
    private static Hsds.Service minimal(Service s) {
        return new Hsds.Service(s.id(), null, s.name(), "active", null, s.organization().updatedAt().toString(),
                null, null, null, null, null, null);
    }

    private record Paging(int page, int perPage) {

        int offset() {
            return (page - 1) * perPage;
        }

        <T> Hsds.Page<T> of(List<T> all) {
            List<T> contents = all.stream().skip(offset()).limit(perPage).toList();
            return Hsds.Page.of(contents, page, perPage, all.size());
        }
    }

    private static Paging paging(String page, String perPage, String format, List<Problem.Violation> violations) {
        if (format != null && !format.isEmpty() && !format.equals("json")) {
            violations.add(new Problem.Violation("format", "must be json, the only format served"));
        }
        return new Paging(ListParameters.number(page, "page", 1, 1, ListParameters.MAX_PAGE, violations),
                ListParameters.number(perPage, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE, violations));
    }

    private static HsdsExport.Depth depth(String fullService, String full, List<Problem.Violation> violations) {
        if (flag(fullService, "full_service", violations)) {
            return HsdsExport.Depth.FULL_SERVICES;
        }
        return flag(full, "full", violations) ? HsdsExport.Depth.FULL : HsdsExport.Depth.BASIC;
    }

    private static String search(String value, List<Problem.Violation> violations) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.isBlank() || value.length() > ListParameters.MAX_QUERY_LENGTH) {
            violations.add(new Problem.Violation("search",
                    "must be 1 to " + ListParameters.MAX_QUERY_LENGTH + " characters, not blank"));
            return null;
        }
        return value.strip();
    }

    private static boolean flag(String value, String name, List<Problem.Violation> violations) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        violations.add(new Problem.Violation(name, "must be true or false"));
        return false;
    }

    private static UUID uuid(String value, String name, List<Problem.Violation> violations) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Optional<UUID> id = parse(value);
        if (id.isEmpty()) {
            violations.add(new Problem.Violation(name, "must be a UUID"));
        }
        return id.orElse(null);
    }

    private static Instant dateTime(String value, List<Problem.Violation> violations) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new Problem.Violation("modified_after",
                    "must be an ISO-8601 date-time with offset, e.g. 2026-11-24T10:00:00Z"));
            return null;
        }
    }

    private static void refuse(List<Problem.Violation> violations) {
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Problem.Violation::field));
            throw new ProblemException(400, "validation", "Invalid request",
                    "The request has " + violations.size() + " invalid parameter(s)", violations);
        }
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
