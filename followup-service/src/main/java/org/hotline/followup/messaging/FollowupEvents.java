package org.hotline.followup.messaging;

import org.hotline.contracts.events.FollowupAtRisk;
import org.hotline.contracts.events.FollowupBreached;
import org.hotline.contracts.events.FollowupCompleted;
import org.hotline.contracts.events.FollowupScheduled;
import org.hotline.followup.Followup;

/** Maps stored follow-ups to their events, keyed by follow-up id on {@code hotline.followups.v1}. */
public final class FollowupEvents {

    private FollowupEvents() {
    }

    /** The record key of every event about {@code followup}. */
    public static String key(Followup followup) {
        return followup.id().toString();
    }

    public static FollowupScheduled scheduled(Followup f) {
        return new FollowupScheduled(f.id(), f.reference(), f.callType(), f.channel(), f.receivedAt(),
                f.clockStartsAt(), f.targetAt(), f.breachAt());
    }

    public static FollowupCompleted completed(Followup f) {
        return new FollowupCompleted(f.id(), f.reference(), f.completedAt(), f.isBreached(f.completedAt()),
                f.outcome());
    }

    public static FollowupAtRisk atRisk(Followup f) {
        return new FollowupAtRisk(f.id(), f.reference(), f.targetAt(), f.breachAt(), f.atRiskRaisedAt());
    }

    public static FollowupBreached breached(Followup f) {
        return new FollowupBreached(f.id(), f.reference(), f.breachAt(), f.breachedRaisedAt());
    }
}
