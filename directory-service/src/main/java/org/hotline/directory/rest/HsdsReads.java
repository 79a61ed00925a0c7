package org.hotline.directory.rest;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.hotline.directory.config.DirectoryConfig;
import org.hotline.directory.hsds.Hsds;
import org.hotline.directory.hsds.HsdsExport;
import org.hotline.directory.hsds.HsdsExport.Reader;
import org.hotline.directory.hsds.HsdsPaging;
import org.hotline.directory.hsds.HsdsProfile;
import org.hotline.directory.hsds.HsdsTerms;
import org.hotline.directory.repository.HsdsQuery;
import org.hotline.directory.service.HsdsCatalogue;
import org.hotline.directory.service.HsdsCatalogue.ServiceDepth;
import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.rest.QueryParameters;

/**
 * The HSDS read's operations, once for both its doors: the staff read under {@code /hsds} and the public one under
 * {@code /api/v1/public/hsds} ({@link PublicHsdsResource}), which differ only in the {@link Reader}. Parses the
 * parameters (one 400 naming every bad one), calls {@link HsdsCatalogue}, and answers a Page or an ndjson stream.
 */
@ApplicationScoped
public class HsdsReads {

    private final HsdsCatalogue catalogue;
    private final HsdsTerms terms;
    private final HsdsProfile profile;
    private final ObjectWriter writer;
    private final int batchSize;

    public HsdsReads(HsdsCatalogue catalogue, HsdsTerms terms, HsdsProfile profile, ObjectMapper mapper,
            DirectoryConfig config) {
        this.catalogue = catalogue;
        this.terms = terms;
        this.profile = profile;
        this.writer = mapper.writer();
        this.batchSize = config.hsds().streamBatchSize();
    }

    Hsds.ApiInfo info(java.net.URI base) {
        return new Hsds.ApiInfo(Hsds.VERSION, profile.uri(), base.resolve("/q/openapi").toString());
    }

    Response services(HsdsFilterParameters filters, HsdsPageParameters page, String minimal, String full,
            Reader reader) {
        QueryParameters params = new QueryParameters();
        HsdsPaging paging = page.read(params);
        boolean ndjson = page.ndjson(params);
        HsdsQuery query = filters.read(params, terms, reader == Reader.PUBLIC);
        boolean isMinimal = params.bool("minimal", minimal).orElse(false);
        boolean isFull = params.bool("full", full).orElse(false);
        params.throwIfInvalid();
        ServiceDepth depth = isMinimal ? ServiceDepth.MINIMAL : isFull ? ServiceDepth.FULL : ServiceDepth.LIST;
        if (ndjson) {
            return HsdsNdjson.stream(writer, after -> catalogue.servicesAfter(query, after, batchSize, depth, reader));
        }
        return Response.ok(catalogue.services(query, paging, depth, reader)).build();
    }

    Hsds.Service service(String id, Reader reader) {
        return new QueryParameters().uuid("id", id).flatMap(s -> catalogue.service(s, reader))
                .orElseThrow(() -> ProblemException.notFound("The service"));
    }

    Response organizations(String search, String fullService, String full, HsdsPageParameters page, Reader reader) {
        QueryParameters params = new QueryParameters();
        HsdsPaging paging = page.read(params);
        boolean ndjson = page.ndjson(params);
        String text = params.text("search", search, ListParameters.MAX_QUERY_LENGTH).orElse(null);
        boolean fullServices = params.bool("full_service", fullService).orElse(false);
        boolean isFull = params.bool("full", full).orElse(false);
        params.throwIfInvalid();
        HsdsExport.Depth depth = fullServices ? HsdsExport.Depth.FULL_SERVICES
                : isFull ? HsdsExport.Depth.FULL : HsdsExport.Depth.BASIC;
        HsdsQuery query = new HsdsQuery(text, null, null, null, null, null, null, reader == Reader.PUBLIC);
        if (ndjson) {
            return HsdsNdjson.stream(writer,
                    after -> catalogue.organizationsAfter(query, after, batchSize, depth, reader));
        }
        return Response.ok(catalogue.organizations(query, paging, depth, reader)).build();
    }

    Hsds.Organization organization(String id, String fullService, Reader reader) {
        QueryParameters params = new QueryParameters();
        boolean fully = params.bool("full_service", fullService).orElse(false);
        params.throwIfInvalid();
        return new QueryParameters().uuid("id", id)
                .flatMap(o -> catalogue.organization(o,
                        fully ? HsdsExport.Depth.FULL_SERVICES : HsdsExport.Depth.FULL, reader))
                .orElseThrow(() -> ProblemException.notFound("The organization"));
    }

    Response serviceAtLocations(HsdsFilterParameters filters, String postcode, String proximity, String full,
            HsdsPageParameters page, Reader reader) {
        QueryParameters params = new QueryParameters();
        HsdsPaging paging = page.read(params);
        boolean ndjson = page.ndjson(params);
        HsdsQuery query = filters.read(params, terms, reader == Reader.PUBLIC, postcode, proximity);
        boolean isFull = params.bool("full", full).orElse(false);
        params.throwIfInvalid();
        if (ndjson) {
            return HsdsNdjson.stream(writer,
                    after -> catalogue.serviceAtLocationsAfter(query, after, batchSize, isFull, reader));
        }
        return Response.ok(catalogue.serviceAtLocations(query, paging, isFull, reader)).build();
    }

    Hsds.ServiceAtLocation serviceAtLocation(String id, Reader reader) {
        return new QueryParameters().uuid("id", id).flatMap(s -> catalogue.serviceAtLocation(s, reader))
                .orElseThrow(() -> ProblemException.notFound("The service at location"));
    }

    Response taxonomies(HsdsPageParameters page) {
        QueryParameters params = new QueryParameters();
        HsdsPaging paging = page.read(params);
        boolean ndjson = page.ndjson(params);
        params.throwIfInvalid();
        return ndjson ? HsdsNdjson.of(writer, terms.taxonomies()) : Response.ok(paging.of(terms.taxonomies())).build();
    }

    Hsds.Taxonomy taxonomy(String id) {
        UUID wanted = new QueryParameters().uuid("id", id).orElse(null);
        return terms.taxonomies().stream().filter(t -> t.id().equals(wanted)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("The taxonomy"));
    }

    Response taxonomyTerms(String taxonomyId, HsdsPageParameters page) {
        QueryParameters params = new QueryParameters();
        HsdsPaging paging = page.read(params);
        boolean ndjson = page.ndjson(params);
        UUID taxonomy = params.uuid("taxonomy_id", taxonomyId).orElse(null);
        params.throwIfInvalid();
        var matching = terms.all().stream().filter(t -> taxonomy == null || taxonomy.equals(t.taxonomyId())).toList();
        return ndjson ? HsdsNdjson.of(writer, matching) : Response.ok(paging.of(matching)).build();
    }

    Hsds.TaxonomyTerm taxonomyTerm(String id) {
        return new QueryParameters().uuid("id", id).flatMap(termId -> terms.find(termId, null, null))
                .orElseThrow(() -> ProblemException.notFound("The taxonomy term"));
    }
}
