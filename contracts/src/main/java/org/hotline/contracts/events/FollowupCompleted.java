package org.hotline.contracts.events;

import java.time.Instant;
import java.util.UUID;

import org.hotline.contracts.vocabulary.FollowupOutcome;

/**
 * {@code hotline.followup.completed}: staff replied; {@code breached} tells whether the promise was kept.
 * {@code outcome} says what was done; absent in events written before it existed, or when staff gave none (readers
 * must accept its absence). Never the staff member's note: that is personal data and stays in intake.
 */
public record FollowupCompleted(UUID followupId, String reference, Instant completedAt, boolean breached,
        FollowupOutcome outcome) {

    /** A completion without an outcome, as every completion was before outcomes existed. */
    public FollowupCompleted(UUID followupId, String reference, Instant completedAt, boolean breached) {
        this(followupId, reference, completedAt, breached, null);
    }
}
