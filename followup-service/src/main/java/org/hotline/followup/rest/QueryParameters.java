package org.hotline.followup.rest;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.hotline.platform.problem.Problem;
import org.hotline.platform.problem.ProblemException;

/**
 * Reads query parameters from their text, collecting every bad one, so that a 400 names each offending parameter.
 * (Typed {@code @QueryParam}s answer a bad value with a bare 404, as JAX-RS requires.) Values are never echoed.
 */
final class QueryParameters {

    private final List<Problem.Violation> violations = new ArrayList<>();

    <E extends Enum<E>> Optional<E> enumValue(String name, String raw, Class<E> type) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, raw));
        } catch (IllegalArgumentException e) {
            return reject(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    Optional<Boolean> bool(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        if (raw.equals("true") || raw.equals("false")) {
            return Optional.of(Boolean.parseBoolean(raw));
        }
        return reject(name, "must be true or false");
    }

    int integer(String name, String raw, int defaultValue, int min, int max) {
        if (raw == null || raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        reject(name, "must be a whole number from " + min + " to " + max);
        return defaultValue;
    }

    /**
     * An ISO-8601 date-time with an offset or {@code Z} (a bracketed zone id may follow). A {@code +} left unencoded
     * in a query string arrives as a space; no valid date-time holds a space, so it is read back as {@code +}.
     */
    Optional<Instant> instant(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(raw.replace(' ', '+')).toInstant());
        } catch (DateTimeParseException e) {
            return reject(name, "must be an ISO-8601 date-time with offset, e.g. 2026-11-20T20:00:00-05:00");
        }
    }

    /** An ISO-8601 calendar date, e.g. 2026-11-20. */
    Optional<java.time.LocalDate> date(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.LocalDate.parse(raw));
        } catch (DateTimeParseException e) {
            return reject(name, "must be an ISO-8601 date, e.g. 2026-11-20");
        }
    }

    /** One of the given words. */
    Optional<String> oneOf(String name, String raw, List<String> allowed) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        if (allowed.contains(raw)) {
            return Optional.of(raw);
        }
        return reject(name, "must be one of " + allowed);
    }

    /** Records a violation found by the caller. */
    void invalid(String name, String message) {
        reject(name, message);
    }

    /** Answers 400 naming every bad parameter read so far, if any. */
    void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request",
                    "The request has " + violations.size() + " invalid parameter(s)", violations);
        }
    }

    private <T> Optional<T> reject(String name, String message) {
        violations.add(new Problem.Violation(name, message));
        return Optional.empty();
    }
}
