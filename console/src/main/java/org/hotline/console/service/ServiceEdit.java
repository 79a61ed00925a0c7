package org.hotline.console.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What an administrator edits of one service on the directory page — its phone, its hours (time zone, around the
 * clock, weekly spans) and its area — as typed, so a refused form comes back as it was sent. It is applied to the
 * organisation's whole document, leaving every other field as directory sent it; directory validates the result,
 * so the rules are the API's own, never a second copy of them here.
 *
 * <p>Weekly spans are rows: {@code opens} and {@code closes} are sent once per row in order (blank rows are dropped),
 * and each ticked day as {@code "row:DAY"}.
 */
public record ServiceEdit(String phone, String timeZone, boolean open24h, List<Span> weekly, boolean national,
        String states, String counties, String postalCodes) {

    public static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    /** One weekly opening span as typed. */
    public record Span(Set<String> days, String opens, String closes) {

        boolean blank() {
            return days.isEmpty() && isBlank(opens) && isBlank(closes);
        }

        public boolean has(String day) {
            return days.contains(day);
        }
    }

    /** The form as posted. */
    public static ServiceEdit fromForm(String phone, String timeZone, String open24h, List<String> days,
            List<String> opens, List<String> closes, String national, String states, String counties,
            String postalCodes) {
        int rows = Math.max(size(opens), size(closes));
        Map<Integer, Set<String>> daysByRow = new LinkedHashMap<>();
        for (String day : days == null ? List.<String>of() : days) {
            int colon = day.indexOf(':');
            if (colon > 0) {
                try {
                    int row = Integer.parseInt(day.substring(0, colon));
                    daysByRow.computeIfAbsent(row, r -> new LinkedHashSet<>()).add(day.substring(colon + 1));
                    rows = Math.max(rows, row + 1);
                } catch (NumberFormatException ignored) {
                    // Not a row of this form: nothing to apply.
                }
            }
        }
        List<Span> spans = new ArrayList<>();
        for (int row = 0; row < Math.min(rows, 50); row++) {
            Span span = new Span(daysByRow.getOrDefault(row, Set.of()), at(opens, row), at(closes, row));
            if (!span.blank()) {
                spans.add(span);
            }
        }
        return new ServiceEdit(strip(phone), strip(timeZone), open24h != null, List.copyOf(spans),
                national != null, strip(states), strip(counties), strip(postalCodes));
    }

    /** The service as directory sent it, to fill the form. */
    public static ServiceEdit of(JsonNode service) {
        JsonNode hours = service.path("hours");
        List<Span> spans = new ArrayList<>();
        for (JsonNode span : hours.path("weekly")) {
            Set<String> days = new LinkedHashSet<>();
            span.path("days").forEach(d -> days.add(d.asText()));
            spans.add(new Span(days, span.path("opens").asText(""), span.path("closes").asText("")));
        }
        JsonNode area = service.path("area");
        return new ServiceEdit(text(service, "phone"), text(hours, "timeZone"), hours.path("open24h").asBoolean(),
                List.copyOf(spans), area.path("national").asBoolean(), joined(area.path("states"), ", "),
                joined(area.path("counties"), "\n"), joined(area.path("postalCodes"), ", "));
    }

    /** The rows the form shows: the spans, and one empty row to add a span. */
    public List<Span> rows() {
        List<Span> rows = new ArrayList<>(weekly);
        rows.add(new Span(Set.of(), "", ""));
        return rows;
    }

    /** Writes this edit into {@code service} (a service of the organisation's document). */
    public void applyTo(ObjectNode service) {
        if (phone == null) {
            service.remove("phone");
        } else {
            service.put("phone", phone);
        }
        ObjectNode hours = service.has("hours") && service.get("hours").isObject() ? (ObjectNode) service.get("hours")
                : service.putObject("hours");
        if (timeZone == null) {
            hours.putNull("timeZone");
        } else {
            hours.put("timeZone", timeZone);
        }
        hours.put("open24h", open24h);
        ArrayNode spans = hours.putArray("weekly");
        for (Span span : weekly) {
            ObjectNode s = spans.addObject();
            ArrayNode d = s.putArray("days");
            span.days().forEach(d::add);
            putOrNull(s, "opens", span.opens());
            putOrNull(s, "closes", span.closes());
        }
        ObjectNode area = service.has("area") && service.get("area").isObject() ? (ObjectNode) service.get("area")
                : service.putObject("area");
        area.put("national", national);
        area.set("states", list(states, "[,\\s]+"));
        area.set("counties", list(counties, "\\s*[\\n;]\\s*"));
        area.set("postalCodes", list(postalCodes, "[,\\s]+"));
    }

    private static ArrayNode list(String typed, String separator) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        if (typed != null) {
            Arrays.stream(typed.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).forEach(array::add);
        }
        return array;
    }

    private static void putOrNull(ObjectNode node, String field, String value) {
        if (isBlank(value)) {
            node.putNull(field);
        } else {
            node.put(field, value.strip());
        }
    }

    private static String joined(JsonNode array, String separator) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return String.join(separator, values);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static String at(List<String> values, int i) {
        return values != null && i < values.size() ? values.get(i) : "";
    }

    private static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    private static String strip(String s) {
        return isBlank(s) ? null : s.strip();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        // Directory data is not personal, but the console logs nothing of what is typed anyway.
        return "ServiceEdit[" + weekly.size() + " spans]";
    }
}
