package org.hotline.console.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a service's RFC 9457 problem+json answer says, for the page: the title and the fields it names. Services
 * never echo what was sent, so nothing here quotes personal data.
 */
public record ServiceProblem(int status, String title, List<String> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ServiceProblem of(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = "The service refused the request (" + status + ")";
        List<String> fields = new ArrayList<>();
        try {
            String body = e.getResponse().readEntity(String.class);
            JsonNode problem = JSON.readTree(body);
            if (problem.hasNonNull("title")) {
                title = problem.get("title").asText();
            }
            for (JsonNode violation : problem.path("violations")) {
                String field = violation.path("field").asText("");
                String message = violation.path("message").asText("");
                fields.add(field.isEmpty() ? message : field + ": " + message);
            }
        } catch (RuntimeException | java.io.IOException ignored) {
            // Not problem+json: the status alone is shown.
        }
        return new ServiceProblem(status, title, List.copyOf(fields));
    }
}
