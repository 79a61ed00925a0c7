package org.hotline.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** {@code hotline.followup.at-risk}: the target passed without a reply; raised once per follow-up. */
public record FollowupAtRisk(UUID followupId, String reference, Instant targetAt, Instant breachAt, Instant raisedAt) {
}
