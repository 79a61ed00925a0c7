package org.hotline.followup.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.FollowupOutcome;
import org.hotline.followup.Followup;
import org.hotline.followup.FollowupStatus;

/**
 * A follow-up as staff see it. Times carry the offset of the business calendar's zone (Eastern by default), the
 * clock the promise is made on. {@code atRisk}: still open, past the target, not yet past the breach time.
 * {@code breached}: open past the breach time, or completed after it. {@code assignee}: the token subject of who works
 * it (null until claimed or assigned), {@code assigneeName} their display name (null when none is known);
 * {@code outcome}: what came of it (null while open or when none was given).
 */
public record FollowupView(UUID id, String reference, CallType callType, Channel channel, OffsetDateTime receivedAt,
        OffsetDateTime clockStartsAt, OffsetDateTime targetAt, OffsetDateTime breachAt, FollowupStatus status,
        boolean atRisk, boolean breached, OffsetDateTime completedAt, String assignee, String assigneeName,
        FollowupOutcome outcome) {

    static FollowupView of(Followup f, Instant now, ZoneId zone) {
        return new FollowupView(f.id(), f.reference(), f.callType(), f.channel(), at(f.receivedAt(), zone),
                at(f.clockStartsAt(), zone), at(f.targetAt(), zone), at(f.breachAt(), zone), f.status(),
                f.isAtRisk(now), f.isBreached(now), at(f.completedAt(), zone), f.assignee(), f.assigneeName(),
                f.outcome());
    }

    static OffsetDateTime at(Instant t, ZoneId zone) {
        return t == null ? null : t.atZone(zone).toOffsetDateTime();
    }
}
