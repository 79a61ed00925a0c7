package org.hotline.intake.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.hotline.platform.problem.Problem;
import org.hotline.platform.problem.ProblemException;

/**
 * Reads the list's query parameters from their text, collecting every bad one so that a 400 names each (a typed
 * {@code @QueryParam} would answer a bad value with a bare 404, as JAX-RS requires). Values are never echoed.
 */
final class ContactListParameters {

    private static final Pattern REFERENCE_PREFIX = Pattern.compile("[A-Za-z0-9-]{1,32}");
    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");

    private final List<Problem.Violation> violations = new ArrayList<>();
    private final ZoneId zone;

    ContactListParameters(ZoneId zone) {
        this.zone = zone;
    }

    <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            return reject(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    Boolean bool(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (raw.equals("true") || raw.equals("false")) {
            return Boolean.valueOf(raw);
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

    /** The start of a reference, in upper case as references are written. */
    String referencePrefix(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        return REFERENCE_PREFIX.matcher(raw).matches() ? raw.toUpperCase(Locale.ROOT)
                : reject(name, "must be the start of a reference: letters, digits and '-', at most 32");
    }

    /** Free text up to {@code max} characters (an assignee's subject), trimmed. */
    String text(String name, String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return raw.length() <= max ? raw.trim() : reject(name, "must be at most " + max + " characters");
    }

    String state(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        return STATE.matcher(raw).matches() ? raw : reject(name, "must be a two-letter state code, e.g. CA");
    }

    /** The first instant included: a date's first moment in the hotline's zone, or the instant itself. */
    Instant from(String name, String raw) {
        return parse(name, raw, false);
    }

    /** The first instant no longer included: the day after a date, or just after an instant (which is included). */
    Instant before(String name, String raw) {
        return parse(name, raw, true);
    }

    /** Names {@code name} when both ends are given and the range is empty. */
    void checkRange(String name, Instant from, Instant before) {
        if (from != null && before != null && !from.isBefore(before)) {
            reject(name, "must not be before receivedFrom");
        }
    }

    /** Answers 400 naming every bad parameter read so far, if any. */
    void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request",
                    "The request has " + violations.size() + " invalid parameter(s)", violations);
        }
    }

    private Instant parse(String name, String raw, boolean endExclusive) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        // A '+' left unencoded in a query string arrives as a space; no valid value holds one.
        String text = raw.replace(' ', '+');
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endExclusive ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            Instant instant = OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MICROS);
            // PostgreSQL keeps microseconds: the next one is the first instant after an inclusive end.
            return endExclusive ? instant.plus(1, ChronoUnit.MICROS) : instant;
        } catch (DateTimeParseException e) {
            return reject(name, "must be an ISO-8601 date (2026-12-02) or date-time with offset "
                    + "(2026-12-02T09:00:00-05:00)");
        }
    }

    private <T> T reject(String name, String message) {
        violations.add(new Problem.Violation(name, message));
        return null;
    }
}
