package org.hotline.console.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A service's problem+json field errors ({@code violations[].field}, e.g. {@code services[0].hours.weekly[1].opens}),
 * kept by field so a page can show each one beside its control. Services never echo the values sent.
 */
public final class FieldErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final String title;
    private final Map<String, List<String>> byField;

    private FieldErrors(int status, String title, Map<String, List<String>> byField) {
        this.status = status;
        this.title = title;
        this.byField = byField;
    }

    public static FieldErrors none() {
        return new FieldErrors(0, null, Map.of());
    }

    public static FieldErrors of(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = "The service refused the change (" + status + ")";
        Map<String, List<String>> byField = new LinkedHashMap<>();
        try {
            JsonNode problem = JSON.readTree(e.getResponse().readEntity(String.class));
            if (problem.hasNonNull("title")) {
                title = problem.get("title").asText();
            }
            for (JsonNode violation : problem.path("violations")) {
                byField.computeIfAbsent(violation.path("field").asText(""), f -> new ArrayList<>())
                        .add(violation.path("message").asText(""));
            }
        } catch (RuntimeException | java.io.IOException ignored) {
            // Not problem+json: the status alone is shown.
        }
        return new FieldErrors(status, title, byField);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public boolean any() {
        return title != null;
    }

    /** The messages for {@code field} and for anything inside it ({@code area} also gets {@code area.states[2]}). */
    public String at(String field) {
        List<String> messages = new ArrayList<>();
        byField.forEach((f, m) -> {
            if (f.equals(field) || f.startsWith(field + ".") || f.startsWith(field + "[")) {
                m.forEach(message -> messages.add(f.equals(field) ? message
                        : readable(f.substring(field.length())) + ": " + message));
            }
        });
        return messages.isEmpty() ? null : String.join("; ", messages);
    }

    /** What is left of a field's path inside a control, for a person: {@code .opens} reads "Opens", {@code [1]} "Entry 2". */
    static String readable(String rest) {
        java.util.regex.Matcher index = java.util.regex.Pattern.compile("^\\[(\\d+)]").matcher(rest);
        if (index.find()) {
            return "Entry " + (Integer.parseInt(index.group(1)) + 1) + readable(rest.substring(index.end()))
                    .replaceFirst("^(?=.)", ", ");
        }
        String words = rest.startsWith(".") ? rest.substring(1) : rest;
        return words.isEmpty() ? "" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Every error as "label: message", each field's path put in a person's words by {@code label}. */
    public List<String> all(java.util.function.UnaryOperator<String> label) {
        List<String> all = new ArrayList<>();
        byField.forEach((f, m) -> m.forEach(message -> all.add(f.isEmpty() ? message : label.apply(f) + ": "
                + message)));
        return all;
    }

    /** The messages for exactly these fields, nothing inside them. */
    public String exact(String... fields) {
        List<String> messages = new ArrayList<>();
        for (String field : fields) {
            messages.addAll(byField.getOrDefault(field, List.of()));
        }
        return messages.isEmpty() ? null : String.join("; ", messages);
    }

    /** Every error as "field: message", for the summary at the top of the page. */
    public List<String> all() {
        List<String> all = new ArrayList<>();
        byField.forEach((f, m) -> m.forEach(message -> all.add(f.isEmpty() ? message : f + ": " + message)));
        return all;
    }
}
