package org.hotline.directory.rest;

import java.util.regex.Pattern;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.hotline.directory.hsds.HsdsTermFilter;
import org.hotline.directory.hsds.HsdsTerms;
import org.hotline.directory.repository.HsdsQuery;
import org.hotline.platform.rest.QueryParameters;

/**
 * The filters HSDS's OpenAPI document gives {@code /services} and {@code /service_at_locations} (the latter adds
 * {@code postcode} and {@code proximity}), AND-combined; read through platform's {@link QueryParameters} so one 400
 * names every bad one.
 */
public class HsdsFilterParameters {

    private static final Pattern ZIP = Pattern.compile("[0-9]{5}");
    /** Half the Earth's circumference: every distance on it is within. */
    private static final double MAX_PROXIMITY = 20_037_509;

    @QueryParam("search")
    @Parameter(description = "Full text over the organisation's name, its services' names and its description")
    String search;

    @QueryParam("taxonomy_term_id")
    @Parameter(description = "Services carrying this term (a need, the organisation's audience, a directory attribute)")
    String taxonomyTermId;

    @QueryParam("taxonomy_id")
    @Parameter(description = "Services carrying any term of this taxonomy")
    String taxonomyId;

    @QueryParam("organization_id")
    @Parameter(description = "Services of this organisation")
    String organizationId;

    @QueryParam("modified_after")
    @Parameter(description = "Only what changed at or after this ISO-8601 date-time (the organisation's last change)")
    String modifiedAfter;

    HsdsQuery read(QueryParameters params, HsdsTerms terms, boolean publicOnly) {
        return read(params, terms, publicOnly, null, null);
    }

    /** With {@code postcode} and {@code proximity} (meters, which need a postcode), as service_at_locations take. */
    HsdsQuery read(QueryParameters params, HsdsTerms terms, boolean publicOnly, String postcode, String proximity) {
        String query = params.text("search", search, ListParameters.MAX_QUERY_LENGTH).orElse(null);
        var termId = params.uuid("taxonomy_term_id", taxonomyTermId).orElse(null);
        var taxonomy = params.uuid("taxonomy_id", taxonomyId).orElse(null);
        var organization = params.uuid("organization_id", organizationId).orElse(null);
        var after = params.instant("modified_after", modifiedAfter).orElse(null);
        String zip = params.matching("postcode", postcode, ZIP, "must be a 5-digit ZIP code").orElse(null);
        Double meters = null;
        if (proximity != null) {
            try {
                meters = Double.valueOf(proximity.strip());
                if (!(meters > 0 && meters <= MAX_PROXIMITY)) {
                    meters = params.<Double>reject("proximity", "must be meters, more than 0").orElse(null);
                }
            } catch (NumberFormatException e) {
                params.reject("proximity", "must be a number of meters");
            }
            if (postcode == null) {
                params.reject("proximity", "needs a postcode: it is measured from the postcode's centroid");
            }
        }
        HsdsTermFilter term = HsdsTermFilter.of(terms, termId, taxonomy);
        return new HsdsQuery(query, term.condition(), term.value(), organization, after, zip, meters, publicOnly);
    }
}
