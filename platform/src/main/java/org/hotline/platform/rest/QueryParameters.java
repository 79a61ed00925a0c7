package org.hotline.platform.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.hotline.platform.problem.Problem;
import org.hotline.platform.problem.ProblemException;

/**
 * The one reader of query parameters: each is taken as the text that was sent and checked here, every bad one
 * collected, so that one 400 names each offending parameter. (A typed {@code @QueryParam} answers a bad value with a
 * bare 404, as JAX-RS requires.) Values sent are never echoed in a message. Absent or empty means "not given".
 *
 * <p>Use: {@code var params = new QueryParameters(); ... params.page(paging); params.throwIfInvalid();}
 */
public final class QueryParameters {

    private final List<Problem.Violation> violations = new ArrayList<>();

    public <E extends Enum<E>> Optional<E> enumValue(String name, String raw, Class<E> type) {
        if (absent(raw)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, raw));
        } catch (IllegalArgumentException e) {
            return reject(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public Optional<Boolean> bool(String name, String raw) {
        if (absent(raw)) {
            return Optional.empty();
        }
        if (raw.equals("true") || raw.equals("false")) {
            return Optional.of(Boolean.parseBoolean(raw));
        }
        return reject(name, "must be true or false");
    }

    /** A whole number within {@code [min, max]}; {@code defaultValue} when absent or bad (a bad one is reported). */
    public int integer(String name, String raw, int defaultValue, int min, int max) {
        if (absent(raw)) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        reject(name, "must be a whole number from " + min + " to " + max);
        return defaultValue;
    }

    /** A whole number that fits a {@code long}; {@code defaultValue} when absent or bad (a bad one is reported). */
    public long longValue(String name, String raw, long defaultValue) {
        if (absent(raw)) {
            return defaultValue;
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            reject(name, "must be a whole number");
            return defaultValue;
        }
    }

    /**
     * An ISO-8601 date-time with an offset or {@code Z} (a bracketed zone id may follow). A {@code +} left unencoded
     * in a query string arrives as a space; no valid date-time holds a space, so it is read back as {@code +}.
     */
    public Optional<Instant> instant(String name, String raw) {
        if (absent(raw)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(raw.replace(' ', '+')).toInstant());
        } catch (DateTimeParseException e) {
            return reject(name, "must be an ISO-8601 date-time with offset, e.g. 2026-11-20T20:00:00-05:00");
        }
    }

    /** An ISO-8601 calendar date, e.g. 2026-11-20. */
    public Optional<LocalDate> date(String name, String raw) {
        if (absent(raw)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(raw));
        } catch (DateTimeParseException e) {
            return reject(name, "must be an ISO-8601 date, e.g. 2026-11-20");
        }
    }

    /** One of the given words. */
    public Optional<String> oneOf(String name, String raw, List<String> allowed) {
        if (absent(raw)) {
            return Optional.empty();
        }
        return allowed.contains(raw) ? Optional.of(raw) : reject(name, "must be one of " + allowed);
    }

    /** A value that must match {@code pattern} entirely; {@code message} says what it must be. */
    public Optional<String> matching(String name, String raw, Pattern pattern, String message) {
        if (absent(raw)) {
            return Optional.empty();
        }
        return pattern.matcher(raw).matches() ? Optional.of(raw) : reject(name, message);
    }

    /** Free text, stripped: not blank and at most {@code maxLength} characters. */
    public Optional<String> text(String name, String raw, int maxLength) {
        if (absent(raw)) {
            return Optional.empty();
        }
        if (raw.isBlank() || raw.length() > maxLength) {
            return reject(name, "must be 1 to " + maxLength + " characters, not blank");
        }
        return Optional.of(raw.strip());
    }

    public Optional<UUID> uuid(String name, String raw) {
        if (absent(raw)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            return reject(name, "must be a UUID");
        }
    }

    /** The page asked for, within the one set of bounds every list endpoint has ({@link PageParameters}). */
    public PageRequest page(PageParameters paging) {
        int page = integer("page", paging.page(), 0, 0, PageParameters.MAX_PAGE);
        int size = integer("size", paging.size(), PageParameters.DEFAULT_SIZE, 1, PageParameters.MAX_SIZE);
        return new PageRequest(page, size);
    }

    /** Reports a parameter that this class cannot check by itself (e.g. two that contradict each other). */
    public <T> Optional<T> reject(String name, String message) {
        violations.add(new Problem.Violation(name, message));
        return Optional.empty();
    }

    public boolean valid() {
        return violations.isEmpty();
    }

    /** Answers 400 naming every bad parameter read so far, in name order, if any. */
    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            List<Problem.Violation> sorted = new ArrayList<>(violations);
            sorted.sort(Comparator.comparing(Problem.Violation::field));
            throw new ProblemException(400, "validation", "Invalid request",
                    "The request has " + sorted.size() + " invalid parameter(s)", sorted);
        }
    }

    private static boolean absent(String raw) {
        return raw == null || raw.isEmpty();
    }
}
