package org.hotline.directory.rest;

import java.util.regex.Pattern;

import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.directory.repository.OrganizationFilter;
import org.hotline.platform.rest.PageParameters;
import org.hotline.platform.rest.PageRequest;
import org.hotline.platform.rest.QueryParameters;

/**
 * The query of {@code GET /api/v1/organizations}, read by platform's {@link QueryParameters} so that a 400 names each
 * bad parameter. Values sent are never echoed.
 */
record ListParameters(PageRequest page, OrganizationFilter filter) {

    static final int MAX_QUERY_LENGTH = 200;
    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    private static final Pattern COUNTY = Pattern.compile("[A-Z]{2}:[^:\\s][^:]{0,97}");
    private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{5}");

    /** The filters as sent; null when absent. */
    record Raw(String need, String state, String county, String postalCode, String openAt, String audience,
            String q) {
    }

    static ListParameters parse(Raw raw, PageParameters paging) {
        QueryParameters params = new QueryParameters();
        PageRequest page = params.page(paging);
        Need need = params.enumValue("need", raw.need(), Need.class).orElse(null);
        String state = params.matching("state", raw.state(), STATE, "must be a two-letter state code, e.g. CA")
                .orElse(null);
        String county = params.matching("county", raw.county(), COUNTY, "must be STATE:County, e.g. CA:Santa Cruz")
                .orElse(null);
        if (state != null && county != null && !county.startsWith(state + ":")) {
            params.reject("county", "must be a county of the given state");
        }
        String postalCode = params.matching("postalCode", raw.postalCode(), POSTAL_CODE, "must be a 5-digit ZIP code")
                .orElse(null);
        var openAt = params.instant("openAt", raw.openAt()).orElse(null);
        Audience audience = params.enumValue("audience", raw.audience(), Audience.class).orElse(null);
        String q = params.text("q", raw.q(), MAX_QUERY_LENGTH).orElse(null);
        params.throwIfInvalid();
        return new ListParameters(page, new OrganizationFilter(need, state, county, postalCode, openAt, audience, q));
    }
}
