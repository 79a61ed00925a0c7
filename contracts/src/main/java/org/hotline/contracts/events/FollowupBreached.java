package org.hotline.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** {@code hotline.followup.breached}: the breach time passed without a reply; raised once per follow-up. */
public record FollowupBreached(UUID followupId, String reference, Instant breachAt, Instant raisedAt) {
}
