package org.hotline.followup.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hotline.calendar.BusinessCalendar;
import org.hotline.contracts.vocabulary.CallType;

/**
 * The follow-up backlog at a moment, counted by the database in one pass over the open follow-ups (an aggregate per
 * call type, never a loop over rows in Java). This is the uncached count: {@link BacklogCache} shares one count between
 * the requests of a short interval, since a full pass costs well over a hundred milliseconds at a million open
 * follow-ups.
 *
 * <p>Age is business time since the clock started. Business time cannot be computed in SQL, so the calendar turns
 * each age boundary into an instant first: a follow-up is at least {@code h} business hours old exactly when its
 * clock started at or before the latest instant {@code T} with {@code h} business hours between {@code T} and now.
 */
@ApplicationScoped
public class FollowupBacklog {

    /** Age buckets in business hours: lower bounds of "0-10h", "10-20h", "20-30h", "30h+". */
    static final int[] AGE_BOUNDS_HOURS = {10, 20, 30};
    static final List<String> AGE_BUCKETS = List.of("0-10h", "10-20h", "20-30h", "30h+");

    /** Every figure per call type from one scan; the totals are the sums of the (at most six) rows. */
    private static final String COUNTS_BY_CALL_TYPE = """
            SELECT call_type,
                   count(*),
                   count(*) FILTER (WHERE target_at < :now AND breach_at >= :now),
                   count(*) FILTER (WHERE breach_at < :now),
                   count(*) FILTER (WHERE target_at >= :now AND target_at <= :dueBy),
                   count(*) FILTER (WHERE clock_starts_at > :age10),
                   count(*) FILTER (WHERE clock_starts_at <= :age10 AND clock_starts_at > :age20),
                   count(*) FILTER (WHERE clock_starts_at <= :age20 AND clock_starts_at > :age30),
                   count(*) FILTER (WHERE clock_starts_at <= :age30)
              FROM followup WHERE status = 'OPEN'
             GROUP BY call_type""";

    private final EntityManager entityManager;
    private final BusinessCalendarService calendars;

    public FollowupBacklog(EntityManager entityManager, BusinessCalendarService calendars) {
        this.entityManager = entityManager;
        this.calendars = calendars;
    }

    /**
     * The backlog at {@code now}. {@code atRisk}: open, past the target, not past the breach time; {@code breached}:
     * open past the breach time; {@code dueNextBusinessDay}: open, target not passed, due by the close of the next
     * business day.
     */
    public record Summary(Instant asOf, long open, long atRisk, long breached, long dueNextBusinessDay,
            Map<CallType, Long> byCallType, Map<String, Long> byAge) {

        /** Read-only copies: a summary is shared between requests (see {@link BacklogCache}). */
        public Summary {
            Map<CallType, Long> types = new EnumMap<>(CallType.class);
            types.putAll(byCallType);
            byCallType = Collections.unmodifiableMap(types);
            byAge = Collections.unmodifiableMap(new LinkedHashMap<>(byAge));
        }
    }

    /** Counts the open follow-ups at {@code now}, in one query. */
    public Summary at(Instant now) {
        BusinessCalendar calendar = calendars.current().calendar();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(COUNTS_BY_CALL_TYPE)
                .setParameter("now", now)
                .setParameter("dueBy", closeOfNextBusinessDay(calendar, now))
                .setParameter("age10", startedAtLeastAgo(calendar, now, Duration.ofHours(AGE_BOUNDS_HOURS[0])))
                .setParameter("age20", startedAtLeastAgo(calendar, now, Duration.ofHours(AGE_BOUNDS_HOURS[1])))
                .setParameter("age30", startedAtLeastAgo(calendar, now, Duration.ofHours(AGE_BOUNDS_HOURS[2])))
                .getResultList();
        // Columns after call_type: open, at risk, breached, due next business day, then the age buckets.
        long[] totals = new long[4 + AGE_BUCKETS.size()];
        Map<CallType, Long> byCallType = new EnumMap<>(CallType.class);
        for (CallType type : CallType.values()) {
            byCallType.put(type, 0L);
        }
        for (Object[] row : rows) {
            byCallType.put(CallType.valueOf((String) row[0]), count(row[1]));
            for (int i = 0; i < totals.length; i++) {
                totals[i] += count(row[i + 1]);
            }
        }
        Map<String, Long> byAge = new LinkedHashMap<>();
        for (int i = 0; i < AGE_BUCKETS.size(); i++) {
            byAge.put(AGE_BUCKETS.get(i), totals[4 + i]);
        }
        return new Summary(now, totals[0], totals[1], totals[2], totals[3], byCallType, byAge);
    }

    /** When the first business day after the local date of {@code now} closes. */
    static Instant closeOfNextBusinessDay(BusinessCalendar calendar, Instant now) {
        ZoneId zone = calendar.zone();
        LocalDate tomorrow = LocalDate.ofInstant(now, zone).plusDays(1);
        Instant opening = calendar.nextOpening(tomorrow.atStartOfDay(zone).toInstant());
        Instant dayAfter = LocalDate.ofInstant(opening, zone).plusDays(1).atStartOfDay(zone).toInstant();
        return calendar.addBusinessHours(opening, calendar.businessTimeBetween(opening, dayAfter));
    }

    /**
     * The latest instant {@code T} (to the millisecond) with at least {@code age} business time between {@code T} and
     * {@code now}: a clock that started at or before it has run for {@code age} or more.
     */
    static Instant startedAtLeastAgo(BusinessCalendar calendar, Instant now, Duration age) {
        Instant early = now.minus(age);
        Duration span = age;
        while (calendar.businessTimeBetween(early, now).compareTo(age) < 0) {
            span = span.multipliedBy(2);
            if (span.compareTo(Duration.ofDays(4 * 366)) > 0) {
                return Instant.EPOCH; // no such business time: every clock counts as younger
            }
            early = now.minus(span);
        }
        // Invariant: early has enough business time to now; late (now) has none.
        long low = early.toEpochMilli();
        long high = now.toEpochMilli();
        while (high - low > 1) {
            long mid = low + (high - low) / 2;
            if (calendar.businessTimeBetween(Instant.ofEpochMilli(mid), now).compareTo(age) >= 0) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return Instant.ofEpochMilli(low);
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
