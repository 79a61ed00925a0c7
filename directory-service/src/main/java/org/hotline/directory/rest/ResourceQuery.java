package org.hotline.directory.rest;

import java.time.LocalDate;
import java.util.regex.Pattern;

import org.hotline.contracts.vocabulary.ResourceAudience;
import org.hotline.directory.LibraryResource;
import org.hotline.directory.repository.ResourceFilter;
import org.hotline.directory.service.ResourceTopics;
import org.hotline.platform.rest.PageParameters;
import org.hotline.platform.rest.PageRequest;
import org.hotline.platform.rest.QueryParameters;

/**
 * The query of {@code GET /api/v1/resources} and {@code GET /api/v1/public/resources}, read by platform's
 * {@link QueryParameters} (the page as every list's): a bad value answers 400 naming the parameter; values sent are
 * never echoed.
 */
record ResourceQuery(PageRequest page, ResourceFilter filter) {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    /** The filters as sent; null when absent. {@code state} is only for staff. */
    record Raw(String topic, String audience, String language, String q, String state) {
    }

    static ResourceQuery parse(Raw raw, PageParameters paging, boolean publicOnly, LocalDate today) {
        QueryParameters params = new QueryParameters();
        PageRequest page = params.page(paging);
        String topic = raw.topic() == null || raw.topic().isEmpty() ? null : raw.topic();
        if (topic != null && !ResourceTopics.isTopic(topic)) {
            params.reject("topic", "must be a need or a trafficking type, one of " + ResourceTopics.ALL);
            topic = null;
        }
        ResourceAudience audience = params.enumValue("audience", raw.audience(), ResourceAudience.class).orElse(null);
        String language = params.matching("language", raw.language(), LANGUAGE,
                "must be a language tag, e.g. en or es").orElse(null);
        String q = params.text("q", raw.q(), ListParameters.MAX_QUERY_LENGTH).orElse(null);
        LibraryResource.State state = params.enumValue("state", raw.state(), LibraryResource.State.class)
                .orElse(null);
        params.throwIfInvalid();
        return new ResourceQuery(page, new ResourceFilter(topic, audience, language, q, state, publicOnly, today));
    }
}
