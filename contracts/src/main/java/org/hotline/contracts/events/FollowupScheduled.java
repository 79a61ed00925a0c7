package org.hotline.contracts.events;

import java.time.Instant;
import java.util.UUID;

import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Channel;

/** {@code hotline.followup.scheduled}: a staff reply is owed, with its SLA clock. */
public record FollowupScheduled(
        UUID followupId,
        String reference,
        CallType callType,
        Channel channel,
        Instant receivedAt,
        Instant clockStartsAt,
        Instant targetAt,
        Instant breachAt) {
}
