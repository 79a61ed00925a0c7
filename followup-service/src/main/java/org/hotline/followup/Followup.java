package org.hotline.followup;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hotline.calendar.SlaQuote;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.FollowupOutcome;

/**
 * A staff reply owed to one contact, with its SLA clock in business time. At most one per contact reference.
 * Instants are kept to the microsecond, PostgreSQL's precision, so what is stored equals what is published.
 */
@Entity
@Table(name = "followup")
public class Followup {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, columnDefinition = "text")
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(name = "call_type", nullable = false, columnDefinition = "text")
    private CallType callType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "text")
    private Channel channel;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "clock_starts_at", nullable = false)
    private Instant clockStartsAt;

    @Column(name = "target_at", nullable = false)
    private Instant targetAt;

    @Column(name = "breach_at", nullable = false)
    private Instant breachAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "text")
    private FollowupStatus status;

    /** When the at-risk event was raised; null until then. Guards raising it exactly once. */
    @Column(name = "at_risk_raised_at")
    private Instant atRiskRaisedAt;

    /** When the breached event was raised; null until then. Guards raising it exactly once. */
    @Column(name = "breached_raised_at")
    private Instant breachedRaisedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    /** Who works it: the token subject of the staff member who claimed it or was assigned it; null until then. */
    @Column(columnDefinition = "text")
    private String assignee;

    @Column(name = "assigned_at")
    private Instant assignedAt;

    /** The assignee's display name as their token gave it when claimed or assigned; null when none was known. */
    @Column(name = "assignee_name", columnDefinition = "text")
    private String assigneeName;

    /** What came of it, given at completion; null while open or when none was given. */
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    private FollowupOutcome outcome;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Followup() {
    }

    /** An open follow-up for a contact received at {@code receivedAt}, on the deadlines of {@code sla}. */
    public static Followup open(String reference, CallType callType, Channel channel, Instant receivedAt, SlaQuote sla,
            Instant now) {
        Followup f = new Followup();
        f.id = UUID.randomUUID();
        f.reference = reference;
        f.callType = callType;
        f.channel = channel;
        f.receivedAt = micros(receivedAt);
        f.clockStartsAt = micros(sla.clockStartsAt().toInstant());
        f.targetAt = micros(sla.targetAt().toInstant());
        f.breachAt = micros(sla.breachAt().toInstant());
        f.status = FollowupStatus.OPEN;
        f.createdAt = micros(now);
        return f;
    }

    /** Marks the reply as given; the caller checks it was still open. */
    public void complete(Instant when) {
        complete(when, null);
    }

    /** Marks the reply as given with what came of it ({@code outcome} may be null); the caller checks it was open. */
    public void complete(Instant when, FollowupOutcome outcome) {
        if (status != FollowupStatus.OPEN) {
            throw new IllegalStateException("Follow-up " + id + " is already " + status);
        }
        status = FollowupStatus.COMPLETED;
        completedAt = micros(when);
        this.outcome = outcome;
    }

    /**
     * Gives the follow-up to a staff member (the token subject, with their display name when known); the caller checks
     * it is open and holds the lock.
     */
    public void assignTo(String staffMember, String displayName, Instant when) {
        if (!staffMember.equals(assignee)) {
            assignee = staffMember;
            assignedAt = micros(when);
            assigneeName = displayName; // never the previous assignee's name
        } else if (displayName != null) {
            assigneeName = displayName;
        }
    }

    public String assigneeName() {
        return assigneeName;
    }

    public String assignee() {
        return assignee;
    }

    public Instant assignedAt() {
        return assignedAt;
    }

    public FollowupOutcome outcome() {
        return outcome;
    }

    /**
     * Moves the deadlines to those of {@code sla}, e.g. after an operator closure; the caller holds the row lock.
     *
     * @return whether any deadline changed
     */
    public boolean reschedule(SlaQuote sla) {
        Instant newStart = micros(sla.clockStartsAt().toInstant());
        Instant newTarget = micros(sla.targetAt().toInstant());
        Instant newBreach = micros(sla.breachAt().toInstant());
        boolean changed = !newStart.equals(clockStartsAt) || !newTarget.equals(targetAt) || !newBreach.equals(breachAt);
        clockStartsAt = newStart;
        targetAt = newTarget;
        breachAt = newBreach;
        return changed;
    }

    /** Records that the at-risk event is raised now; the caller holds the row lock and checked it was not yet. */
    public void markAtRiskRaised(Instant when) {
        atRiskRaisedAt = micros(when);
    }

    /** Records that the breached event is raised now; the caller holds the row lock and checked it was not yet. */
    public void markBreachedRaised(Instant when) {
        breachedRaisedAt = micros(when);
    }

    /** Whether the target has passed while the reply is still owed, the breach time not yet. */
    public boolean isAtRisk(Instant now) {
        return status == FollowupStatus.OPEN && now.isAfter(targetAt) && !isBreached(now);
    }

    /** Whether the promise is broken: still open after the breach time, or completed after it. */
    public boolean isBreached(Instant now) {
        Instant reference = status == FollowupStatus.COMPLETED ? completedAt : now;
        return reference.isAfter(breachAt);
    }

    private static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    public UUID id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public CallType callType() {
        return callType;
    }

    public Channel channel() {
        return channel;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant clockStartsAt() {
        return clockStartsAt;
    }

    public Instant targetAt() {
        return targetAt;
    }

    public Instant breachAt() {
        return breachAt;
    }

    public FollowupStatus status() {
        return status;
    }

    public Instant atRiskRaisedAt() {
        return atRiskRaisedAt;
    }

    public Instant breachedRaisedAt() {
        return breachedRaisedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
