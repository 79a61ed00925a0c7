package org.hotline.directory;

import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One weekly opening span of a service (HSDS {@code schedule}) on the wall clock of its own IANA {@code timeZone}:
 * it starts on each of {@code days} at {@code opensAt} and ends at {@code closesAt} the same day, or the next day when
 * {@code closesAt} is not after {@code opensAt} (equal times are a full 24 hours).
 */
@Embeddable
public class Schedule {

    @Column(nullable = false)
    private UUID id;

    @Column(name = "time_zone", nullable = false, columnDefinition = "text")
    private String timeZone;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> days;

    @Column(name = "opens_at", nullable = false)
    private LocalTime opensAt;

    @Column(name = "closes_at", nullable = false)
    private LocalTime closesAt;

    protected Schedule() {
    }

    Schedule(UUID id, String timeZone, List<String> days, LocalTime opensAt, LocalTime closesAt) {
        this.id = id;
        this.timeZone = timeZone;
        this.days = List.copyOf(days);
        this.opensAt = opensAt;
        this.closesAt = closesAt;
    }

    public UUID id() {
        return id;
    }

    public String timeZone() {
        return timeZone;
    }

    /** MON..SUN, in week order. */
    public List<Weekday> days() {
        return days.stream().map(Weekday::valueOf).sorted().toList();
    }

    public LocalTime opensAt() {
        return opensAt;
    }

    public LocalTime closesAt() {
        return closesAt;
    }
}
