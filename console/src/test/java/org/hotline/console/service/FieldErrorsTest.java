package org.hotline.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class FieldErrorsTest {

    private static FieldErrors problem() {
        String body = """
                {"type": "https://hotline.example/problems/validation", "title": "Invalid request", "status": 400,
                 "violations": [{"field": "services[1].phone", "message": "must be a phone number"},
                                {"field": "services[1].hours.weekly[0].opens", "message": "must be a time of day"},
                                {"field": "services[1].area", "message": "must cover somewhere"},
                                {"field": "services[1].area.states[1]", "message": "must be a two-letter state code"}]}""";
        return FieldErrors.of(new WebApplicationException(Response.status(400).type("application/problem+json")
                .entity(body).build()));
    }

    @Test
    void eachErrorLandsBesideItsControl() {
        ServiceForm form = new ServiceForm(1, null, "line", "Shelter", null, problem());

        assertThat(form.error(".phone")).isEqualTo("must be a phone number");
        assertThat(form.spanError(0)).isEqualTo("Opens: must be a time of day");
        assertThat(form.spanError(1)).isNull();
        assertThat(form.areaError()).isEqualTo("must cover somewhere");
        assertThat(form.error(".area.states")).isEqualTo("Entry 2: must be a two-letter state code");
        assertThat(form.invalid()).isTrue();
        assertThat(new ServiceForm(0, null, "other", "", null, problem()).invalid()).isFalse();
    }

    @Test
    void theSummaryNamesEveryField() {
        FieldErrors errors = problem();

        assertThat(errors.title()).isEqualTo("Invalid request");
        assertThat(errors.all()).hasSize(4).first().isEqualTo("services[1].phone: must be a phone number");
    }
}
