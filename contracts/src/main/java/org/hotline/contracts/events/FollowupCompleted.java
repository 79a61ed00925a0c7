package org.hotline.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** {@code hotline.followup.completed}: staff replied; {@code breached} tells whether the promise was kept. */
public record FollowupCompleted(UUID followupId, String reference, Instant completedAt, boolean breached) {
}
