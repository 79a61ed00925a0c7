package org.hotline.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.hotline.contracts.vocabulary.AgeBand;
import org.hotline.contracts.vocabulary.Need;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A body read while problems are collected names every wrongly typed field, never its value; otherwise Jackson fails. */
class LenientBindingHandlerTest {

    record Inner(int count, String note) {
    }

    record Body(String name, Need need, Set<Need> needs, Instant at, Inner inner, boolean flag, AgeBand ageBand) {
    }

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .addHandler(new LenientBindingHandler());

    @AfterEach
    void stopCollecting() {
        BindingProblems.stop();
    }

    @Test
    void everyWronglyTypedFieldIsNamedAndReadingGoesOn() throws Exception {
        String json = """
                {"name": ["CANARY-name"], "need": "CANARY-PIGEON", "needs": ["SHELTER", "CANARY-NOPE"],
                 "at": "CANARY-yesterday", "inner": {"count": "CANARY-many", "note": "kept"}, "flag": "CANARY-yes",
                 "ageBand": "CANARY-teen"}""";

        BindingProblems.start();
        Body body = mapper.readValue(json, Body.class);
        List<Problem.Violation> problems = BindingProblems.stop();

        assertThat(problems).extracting(Problem.Violation::field)
                .containsExactlyInAnyOrder("name", "need", "needs[1]", "at", "inner.count", "flag", "ageBand");
        assertThat(problems).extracting(Problem.Violation::message).noneMatch(m -> m.contains("CANARY"));
        assertThat(problems).filteredOn(p -> p.field().equals("need")).extracting(Problem.Violation::message)
                .singleElement().asString().startsWith("must be one of [EMERGENCY_SHELTER, SHELTER");
        assertThat(problems).filteredOn(p -> p.field().equals("ageBand")).extracting(Problem.Violation::message)
                .containsExactly("must be one of [UNDER_12, 12_17, 18_24, ADULT, UNKNOWN]");
        assertThat(problems).filteredOn(p -> p.field().equals("at")).extracting(Problem.Violation::message)
                .containsExactly("must be an ISO-8601 Instant");
        assertThat(body.inner().note()).as("the rest of the body is still read").isEqualTo("kept");
        assertThat(body.needs()).contains(Need.SHELTER);
    }

    @Test
    void aSoundBodyRecordsNothing() throws Exception {
        BindingProblems.start();
        Body body = mapper.readValue("{\"need\": \"SHELTER\", \"ageBand\": \"12_17\", \"flag\": true}", Body.class);

        assertThat(BindingProblems.stop()).isEmpty();
        assertThat(body.need()).isEqualTo(Need.SHELTER);
        assertThat(body.ageBand()).isEqualTo(AgeBand.AGE_12_17);
    }

    @Test
    void outsideARequestBodyJacksonFailsAsUsual() {
        assertThatThrownBy(() -> mapper.readValue("{\"need\": \"PIGEON\"}", Body.class))
                .isInstanceOf(InvalidFormatException.class);
    }
}
