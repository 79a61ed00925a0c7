package org.hotline.followup.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import org.hotline.calendar.Closure;
import org.hotline.calendar.SlaCalculator;
import org.hotline.calendar.SlaQuote;
import org.hotline.contracts.EventType;
import org.hotline.followup.CalendarClosure;
import org.hotline.followup.Followup;
import org.hotline.followup.FollowupStatus;
import org.hotline.followup.messaging.ClosureEvents;
import org.hotline.followup.messaging.FollowupEvents;
import org.hotline.followup.repository.ClosureRepository;
import org.hotline.followup.repository.FollowupRepository;
import org.hotline.platform.outbox.OutboxWriter;
import org.hotline.platform.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Operator closures of the business calendar. Adding or removing one recomputes, in the same transaction, the
 * deadlines of the open follow-ups whose clock it touches and that raised nothing yet (a raised at-risk or breached
 * event is never taken back). Each moved follow-up publishes {@code hotline.followup.scheduled} again with its new
 * deadlines (same follow-up id: consumers keep the latest). The closure itself is published on the compacted
 * {@code hotline.calendar.closures.v1} in the same transaction ({@code hotline.calendar.closure.added}, a tombstone
 * on removal), so routing decides on the same calendar.
 */
@ApplicationScoped
public class CalendarClosures {

    private static final Logger LOG = Logger.getLogger(CalendarClosures.class);

    /** Wider than any offset change, so a closure's local times surely cover its instants. */
    private static final Duration MARGIN = Duration.ofDays(1);

    private final ClosureRepository closures;
    private final FollowupRepository followups;
    private final BusinessCalendarService calendar;
    private final OutboxWriter outbox;
    private final Clock clock;

    public CalendarClosures(ClosureRepository closures, FollowupRepository followups,
            BusinessCalendarService calendar, OutboxWriter outbox, Clock clock) {
        this.closures = closures;
        this.followups = followups;
        this.calendar = calendar;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A closure and how many open follow-ups it moved. */
    public record Change(CalendarClosure closure, int rescheduled) {
    }

    public List<CalendarClosure> list() {
        return closures.allInOrder();
    }

    @Transactional
    public Change add(Closure closure) {
        calendar.lockForClosureChange();
        CalendarClosure stored = CalendarClosure.of(closure, Instant.now(clock));
        closures.persist(stored);
        closures.flush();
        outbox.append(ClosureEvents.key(stored), ClosureEvents.added(stored));
        int moved = reschedule(stored);
        LOG.infof("Closure %s added; %d open follow-up(s) rescheduled", stored.id(), moved);
        return new Change(stored, moved);
    }

    /** @throws ProblemException 404 when there is no such closure */
    @Transactional
    public Change remove(UUID id) {
        calendar.lockForClosureChange();
        CalendarClosure stored = closures.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Closure " + id));
        closures.delete(stored);
        closures.flush();
        outbox.appendTombstone(EventType.CALENDAR_CLOSURE_ADDED, ClosureEvents.key(stored));
        int moved = reschedule(stored);
        LOG.infof("Closure %s removed; %d open follow-up(s) rescheduled", id, moved);
        return new Change(stored, moved);
    }

    /**
     * Recomputes the open, not yet raised follow-ups whose clock may run through {@code changed}: received before it
     * ends, breach time after it starts. Rows are locked, so a concurrent completion or sweep waits or skips them.
     */
    private int reschedule(CalendarClosure changed) {
        SlaCalculator sla = calendar.current();
        ZoneId zone = sla.calendar().zone();
        Instant from = changed.start().atZone(zone).toInstant().minus(MARGIN);
        Instant until = changed.end().atZone(zone).toInstant().plus(MARGIN);
        List<Followup> affected = followups.find("status = :open and atRiskRaisedAt is null "
                        + "and breachedRaisedAt is null and receivedAt < :until and breachAt > :from",
                Parameters.with("open", FollowupStatus.OPEN).and("until", until).and("from", from))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        int moved = 0;
        for (Followup followup : affected) {
            SlaQuote quote = sla.quote(followup.receivedAt());
            if (followup.reschedule(quote)) {
                outbox.append(FollowupEvents.key(followup), FollowupEvents.scheduled(followup));
                moved++;
            }
        }
        return moved;
    }
}
