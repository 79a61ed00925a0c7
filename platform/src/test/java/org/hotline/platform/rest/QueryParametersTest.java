package org.hotline.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;

import org.hotline.platform.problem.Problem;
import org.hotline.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    enum Colour { RED, GREEN }

    @Test
    void absentPagingTakesTheOneDefault() {
        QueryParameters params = new QueryParameters();
        PageRequest page = params.page(new PageParameters(null, ""));
        params.throwIfInvalid();
        assertThat(page).isEqualTo(new PageRequest(0, PageParameters.DEFAULT_SIZE));
    }

    @Test
    void theDeepestPageCannotOverflowTheOffset() {
        QueryParameters params = new QueryParameters();
        PageRequest deepest = params.page(new PageParameters(Integer.toString(PageParameters.MAX_PAGE),
                Integer.toString(PageParameters.MAX_SIZE)));
        params.throwIfInvalid();
        assertThat(deepest.offset()).isEqualTo(1_000_000L);

        QueryParameters tooDeep = new QueryParameters();
        tooDeep.page(new PageParameters(Integer.toString(Integer.MAX_VALUE), "101"));
        assertThatThrownBy(tooDeep::throwIfInvalid).isInstanceOfSatisfying(ProblemException.class, e ->
                assertThat(e.toProblem("/x").violations()).extracting(Problem.Violation::field)
                        .containsExactly("page", "size"));
    }

    @Test
    void everyBadParameterIsNamedOnceAndNoValueIsEchoed() {
        QueryParameters params = new QueryParameters();
        params.enumValue("colour", "CANARY-blue", Colour.class);
        params.bool("flag", "CANARY-yes");
        params.instant("since", "CANARY-yesterday");
        params.uuid("id", "CANARY-1");
        params.matching("state", "CANARY", Pattern.compile("[A-Z]{2}"), "must be a two-letter state code");
        params.text("q", " ", 10);
        params.integer("count", "CANARY-7", 1, 1, 9);
        assertThat(params.valid()).isFalse();
        assertThatThrownBy(params::throwIfInvalid).isInstanceOfSatisfying(ProblemException.class, e -> {
            Problem problem = e.toProblem("/x");
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.violations()).extracting(Problem.Violation::field)
                    .containsExactly("colour", "count", "flag", "id", "q", "since", "state");
            assertThat(problem.toString()).doesNotContain("CANARY");
        });
    }

    @Test
    void goodValuesAreRead() {
        QueryParameters params = new QueryParameters();
        assertThat(params.enumValue("colour", "GREEN", Colour.class)).contains(Colour.GREEN);
        assertThat(params.bool("flag", "false")).contains(false);
        // A '+' sent unencoded arrives as a space.
        assertThat(params.instant("since", "2026-11-20T20:00:00 05:00")).isPresent();
        assertThat(params.text("q", "  shelter  ", 20)).contains("shelter");
        assertThat(params.integer("count", "7", 1, 1, 9)).isEqualTo(7);
        params.throwIfInvalid();
    }
}
