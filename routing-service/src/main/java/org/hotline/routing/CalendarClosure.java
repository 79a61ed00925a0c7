package org.hotline.routing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hotline.calendar.Closure;
import org.hotline.contracts.events.CalendarClosureAdded;

/** An operator closure of the business calendar as routing knows it from follow-up's closures topic. */
@Entity
@Table(name = "calendar_closure")
public class CalendarClosure {

    @Id
    private UUID id;

    @Column(name = "starts_at", nullable = false)
    private LocalDateTime start;

    @Column(name = "ends_at", nullable = false)
    private LocalDateTime end;

    @Column(nullable = false, columnDefinition = "text")
    private String reason;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected CalendarClosure() {
    }

    public static CalendarClosure of(CalendarClosureAdded event) {
        CalendarClosure c = new CalendarClosure();
        c.id = event.closureId();
        c.update(event);
        return c;
    }

    /** Takes the event's values (a closure re-published with the same id replaces the earlier one). */
    public void update(CalendarClosureAdded event) {
        start = event.start();
        end = event.end();
        reason = event.reason();
        addedAt = event.addedAt();
    }

    public UUID id() {
        return id;
    }

    public Closure toClosure() {
        return new Closure(start, end, reason);
    }
}
