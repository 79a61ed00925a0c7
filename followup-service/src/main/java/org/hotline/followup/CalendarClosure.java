package org.hotline.followup;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hotline.calendar.Closure;

/**
 * A closure an operator added to the business calendar (snow day, all-staff event): wall-clock times in the
 * calendar's zone, closed from {@code start} until just before {@code end}.
 */
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

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CalendarClosure() {
    }

    /** A new closure; {@code closure} has already checked that it starts before it ends. */
    public static CalendarClosure of(Closure closure, Instant now) {
        CalendarClosure c = new CalendarClosure();
        c.id = UUID.randomUUID();
        c.start = closure.start().truncatedTo(ChronoUnit.MICROS);
        c.end = closure.end().truncatedTo(ChronoUnit.MICROS);
        c.reason = closure.reason();
        c.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        return c;
    }

    /** The closure as the business calendar counts it. */
    public Closure toClosure() {
        return new Closure(start, end, reason);
    }

    public UUID id() {
        return id;
    }

    public LocalDateTime start() {
        return start;
    }

    public LocalDateTime end() {
        return end;
    }

    public String reason() {
        return reason;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
