package org.hotline.intake.form;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MultivaluedMap;

import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.contracts.vocabulary.Typology;
import org.hotline.intake.rest.LocationInput;
import org.hotline.intake.rest.TipSubmission;

/**
 * The posted form read as a {@link TipSubmission} and checked with the same constraints as the API, with each error
 * keyed by the id of the input it belongs to, so the page can tie the message to its field.
 */
public final class TipForm {

    /** Constraint paths of the API body mapped to the form's input ids. */
    private static final Map<String, String> INPUT_OF = Map.of(
            "description", "description",
            "location.city", "city",
            "location.state", "state",
            "location.postalCode", "postalCode",
            "reporter.name", "name",
            "reporter.phone", "phone",
            "reporter.email", "email");

    private final MultivaluedMap<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final TipSubmission submission;

    private TipForm(MultivaluedMap<String, String> values, Validator validator) {
        this.values = values;
        boolean anonymous = !"false".equals(first("anonymous"));
        this.submission = new TipSubmission(
                first("description"),
                Channel.WEB_FORM,
                single(TraffickingType.class, "traffickingType"),
                many(Indicator.class, "indicators"),
                many(Need.class, "needs"),
                new LocationInput(first("city"), null, upper(first("state")), first("postalCode"), "US"),
                new TipSubmission.ReporterInput(anonymous, null, anonymous ? null : first("name"),
                        anonymous ? null : first("phone"), anonymous ? null : first("email"), first("language"),
                        "on".equals(first("consent"))),
                null,
                single(Typology.class, "typology"),
                null);
        for (ConstraintViolation<TipSubmission> violation : validator.validate(submission)) {
            String path = violation.getPropertyPath().toString().replaceAll("\\[\\d+]", "");
            errors.putIfAbsent(INPUT_OF.getOrDefault(path, path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path),
                    "invalid");
        }
    }

    public static TipForm read(MultivaluedMap<String, String> values, Validator validator) {
        return new TipForm(values, validator);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** Input id → error kind ("invalid"); the page turns kinds into words in the reader's language. */
    public Map<String, String> errors() {
        return errors;
    }

    /**
     * A digest of what was filled in (every field but the anti-forgery token), so the same rendering posted again with
     * other content is another tip, not a repeat.
     */
    public String contentDigest() {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(values).forEach((name, list) -> {
            if (!name.equals("csrf")) {
                canonical.append(name.length()).append(':').append(name);
                for (String value : list) {
                    canonical.append('|').append(value.length()).append(':').append(value);
                }
                canonical.append('\n');
            }
        });
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public TipSubmission submission() {
        return submission;
    }

    public String first(String name) {
        String value = values.getFirst(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public List<String> all(String name) {
        List<String> all = values.get(name);
        return all == null ? List.of() : all;
    }

    private <E extends Enum<E>> E single(Class<E> type, String name) {
        String value = first(name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.put(name, "invalid");
            return null;
        }
    }

    private <E extends Enum<E>> Set<E> many(Class<E> type, String name) {
        Set<E> chosen = EnumSet.noneOf(type);
        for (String value : new ArrayList<>(all(name))) {
            try {
                chosen.add(Enum.valueOf(type, value));
            } catch (IllegalArgumentException e) {
                errors.put(name, "invalid");
            }
        }
        return chosen;
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(java.util.Locale.ROOT);
    }
}
