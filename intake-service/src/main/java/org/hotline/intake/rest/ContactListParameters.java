package org.hotline.intake.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

import org.hotline.platform.rest.QueryParameters;

/**
 * What the contact list's query adds to platform's {@link QueryParameters}: a reference prefix, a state, and a
 * received-at range whose ends are dates (whole days in the hotline's zone) or date-times. Bad values are reported to
 * the same {@link QueryParameters}, so that one 400 names each; values are never echoed.
 */
final class ContactListParameters {

    private static final Pattern REFERENCE_PREFIX = Pattern.compile("[A-Za-z0-9-]{1,32}");
    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");

    private final QueryParameters params;
    private final ZoneId zone;

    ContactListParameters(QueryParameters params, ZoneId zone) {
        this.params = params;
        this.zone = zone;
    }

    /** The start of a reference, in upper case as references are written. */
    String referencePrefix(String name, String raw) {
        return params.matching(name, raw, REFERENCE_PREFIX,
                "must be the start of a reference: letters, digits and '-', at most 32")
                .map(prefix -> prefix.toUpperCase(Locale.ROOT)).orElse(null);
    }


    String state(String name, String raw) {
        return params.matching(name, raw, STATE, "must be a two-letter state code, e.g. CA").orElse(null);
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
            params.reject(name, "must not be before receivedFrom");
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
            params.reject(name, "must be an ISO-8601 date (2026-12-02) or date-time with offset "
                    + "(2026-12-02T09:00:00-05:00)");
            return null;
        }
    }
}
