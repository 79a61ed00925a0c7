package org.hotline.directory.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.directory.repository.OrganizationFilter;
import org.hotline.platform.problem.Problem;
import org.hotline.platform.problem.ProblemException;

/**
 * The query of {@code GET /api/v1/organizations}, checked by hand: JAX-RS would answer a bad query parameter with a
 * bare 404, and the problem must name the parameter. Values sent are never echoed.
 */
record ListParameters(int page, int size, OrganizationFilter filter) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 200;
    static final int MAX_PAGE = 100_000;
    static final int MAX_QUERY_LENGTH = 200;

    /** The query parameters as sent; null when absent. */
    record Raw(String page, String size, String need, String state, String county, String postalCode, String openAt,
            String audience, String q) {
    }

    static ListParameters parse(Raw raw) {
        List<Problem.Violation> violations = new ArrayList<>();
        int page = number(raw.page(), "page", 0, 0, MAX_PAGE, violations);
        int size = number(raw.size(), "size", DEFAULT_SIZE, 1, MAX_SIZE, violations);
        Need need = enumValue(raw.need(), "need", Need::valueOf, Need.values(), violations);
        String state = matching(raw.state(), "state", "[A-Z]{2}", "must be a two-letter state code, e.g. CA",
                violations);
        String county = matching(raw.county(), "county", "[A-Z]{2}:[^:\\s][^:]{0,97}",
                "must be STATE:County, e.g. CA:Santa Cruz", violations);
        if (state != null && county != null && !county.startsWith(state + ":")) {
            violations.add(new Problem.Violation("county", "must be a county of the given state"));
        }
        String postalCode = matching(raw.postalCode(), "postalCode", "[0-9]{5}", "must be a 5-digit ZIP code",
                violations);
        Instant openAt = instant(raw.openAt(), violations);
        Audience audience = enumValue(raw.audience(), "audience", Audience::valueOf, Audience.values(), violations);
        String q = query(raw.q(), violations);
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Problem.Violation::field));
            throw new ProblemException(400, "validation", "Invalid request",
                    "The request has " + violations.size() + " invalid parameter(s)", violations);
        }
        return new ListParameters(page, size,
                new OrganizationFilter(need, state, county, postalCode, openAt, audience, q));
    }

    static int number(String value, String name, int absent, int min, int max, List<Problem.Violation> violations) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new Problem.Violation(name, "must be a whole number from " + min + " to " + max));
        return absent;
    }

    private static <E extends Enum<E>> E enumValue(String value, String name, Function<String, E> parse, E[] all,
            List<Problem.Violation> violations) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            violations.add(new Problem.Violation(name, "must be one of " + Arrays.toString(all)));
            return null;
        }
    }

    private static String matching(String value, String name, String pattern, String message,
            List<Problem.Violation> violations) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.matches(pattern)) {
            violations.add(new Problem.Violation(name, message));
            return null;
        }
        return value;
    }

    /** An ISO-8601 date-time with its offset; a '+' sent unencoded arrives as a space and is read back as '+'. */
    private static Instant instant(String value, List<Problem.Violation> violations) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new Problem.Violation("openAt",
                    "must be an ISO-8601 date-time with offset, e.g. 2026-11-24T10:00:00-05:00"));
            return null;
        }
    }

    private static String query(String value, List<Problem.Violation> violations) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.isBlank() || value.length() > MAX_QUERY_LENGTH) {
            violations.add(new Problem.Violation("q", "must be 1 to " + MAX_QUERY_LENGTH + " characters, not blank"));
            return null;
        }
        return value.strip();
    }
}
