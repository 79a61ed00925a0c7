package org.hotline.directory.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.hotline.contracts.vocabulary.Need;
import org.hotline.directory.repository.OrganizationFilter;
import org.hotline.platform.problem.Problem;
import org.hotline.platform.problem.ProblemException;

/**
 * The query of {@code GET /api/v1/organizations}, checked by hand: JAX-RS would answer a bad query parameter with a
 * bare 404, and the problem must name the parameter.
 */
record ListParameters(int page, int size, OrganizationFilter filter) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 200;
    static final int MAX_PAGE = 100_000;

    /** Search parameters of the design that this version does not apply yet: refused rather than ignored. */
    private static final Set<String> NOT_YET_SUPPORTED = Set.of("county", "postalCode", "openAt", "audience", "q");

    /** Parses the parameters; {@code present} are the names of all query parameters sent. */
    static ListParameters parse(String pageParam, String sizeParam, String needParam, String stateParam,
            Set<String> present) {
        List<Problem.Violation> violations = new ArrayList<>();
        int page = number(pageParam, "page", 0, 0, MAX_PAGE, violations);
        int size = number(sizeParam, "size", DEFAULT_SIZE, 1, MAX_SIZE, violations);
        Need need = need(needParam, violations);
        String state = state(stateParam, violations);
        NOT_YET_SUPPORTED.stream().filter(present::contains).sorted()
                .forEach(p -> violations.add(new Problem.Violation(p, "is not supported yet")));
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Problem.Violation::field));
            throw new ProblemException(400, "validation", "Invalid request",
                    "The request has " + violations.size() + " invalid parameter(s)", violations);
        }
        return new ListParameters(page, size, new OrganizationFilter(need, state));
    }

    private static int number(String value, String name, int absent, int min, int max,
            List<Problem.Violation> violations) {
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

    private static Need need(String value, List<Problem.Violation> violations) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Need.valueOf(value);
        } catch (IllegalArgumentException e) {
            violations.add(new Problem.Violation("need", "must be one of " + Arrays.toString(Need.values())));
            return null;
        }
    }

    private static String state(String value, List<Problem.Violation> violations) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.matches("[A-Z]{2}")) {
            violations.add(new Problem.Violation("state", "must be a two-letter state code, e.g. CA"));
            return null;
        }
        return value;
    }
}
