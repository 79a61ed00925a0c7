package org.hotline.directory.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.hotline.contracts.vocabulary.ResourceAudience;
import org.hotline.directory.LibraryResource;
import org.hotline.directory.repository.ResourceFilter;
import org.hotline.directory.service.ResourceTopics;
import org.hotline.platform.problem.Problem;
import org.hotline.platform.problem.ProblemException;

/**
 * The query of {@code GET /api/v1/resources} and {@code GET /api/v1/public/resources}, parsed in this one place:
 * {@code page} from 0 and {@code size} 1..200 as every list of the system, and the filters. A bad value answers 400
 * naming the parameter; values sent are never echoed.
 */
record ResourceQuery(int page, int size, ResourceFilter filter) {

    /** The query parameters as sent; null when absent. {@code state} is only for staff. */
    record Raw(String page, String size, String topic, String audience, String language, String q, String state) {
    }

    static ResourceQuery parse(Raw raw, boolean publicOnly, LocalDate today) {
        List<Problem.Violation> violations = new ArrayList<>();
        int page = ListParameters.number(raw.page(), "page", 0, 0, ListParameters.MAX_PAGE, violations);
        int size = ListParameters.number(raw.size(), "size", ListParameters.DEFAULT_SIZE, 1, ListParameters.MAX_SIZE,
                violations);
        String topic = present(raw.topic());
        if (topic != null && !ResourceTopics.isTopic(topic)) {
            violations.add(new Problem.Violation("topic", "must be a need or a trafficking type, one of "
                    + ResourceTopics.ALL));
            topic = null;
        }
        ResourceAudience audience = enumValue(raw.audience(), "audience", ResourceAudience.class, violations);
        String language = present(raw.language());
        if (language != null && !language.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            violations.add(new Problem.Violation("language", "must be a language tag, e.g. en or es"));
            language = null;
        }
        String q = present(raw.q());
        if (q != null && (q.isBlank() || q.length() > ListParameters.MAX_QUERY_LENGTH)) {
            violations.add(new Problem.Violation("q", "must be 1 to " + ListParameters.MAX_QUERY_LENGTH
                    + " characters, not blank"));
            q = null;
        }
        LibraryResource.State state = enumValue(raw.state(), "state", LibraryResource.State.class, violations);
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Problem.Violation::field));
            throw new ProblemException(400, "validation", "Invalid request",
                    "The request has " + violations.size() + " invalid parameter(s)", violations);
        }
        return new ResourceQuery(page, size, new ResourceFilter(topic, audience, language,
                q == null ? null : q.strip(), state, publicOnly, today));
    }

    private static String present(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static <E extends Enum<E>> E enumValue(String value, String name, Class<E> type,
            List<Problem.Violation> violations) {
        if (present(value) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            violations.add(new Problem.Violation(name, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
