package org.hotline.followup.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.followup.Followup;
import org.hotline.followup.FollowupStatus;
import org.hotline.followup.messaging.FollowupEvents;
import org.hotline.followup.repository.FollowupRepository;
import org.hotline.platform.outbox.OutboxWriter;
import org.hotline.platform.problem.ProblemException;

/** Records that staff replied: once per follow-up, with its {@code hotline.followup.completed} event. */
@ApplicationScoped
public class FollowupCompletion {

    private final FollowupRepository followups;
    private final OutboxWriter outbox;
    private final Clock clock;

    public FollowupCompletion(FollowupRepository followups, OutboxWriter outbox, Clock clock) {
        this.followups = followups;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Completes the follow-up of a contact now.
     *
     * @throws ProblemException 404 when the contact has no follow-up, 409 when it is already completed
     */
    @Transactional
    public Followup complete(String reference) {
        Followup followup = followups.findByReferenceForUpdate(reference)
                .orElseThrow(() -> ProblemException.notFound("Follow-up " + reference));
        if (followup.status() == FollowupStatus.COMPLETED) {
            throw new ProblemException(409, "already-completed", "Already completed",
                    "Follow-up " + reference + " was completed at " + followup.completedAt());
        }
        followup.complete(Instant.now(clock));
        outbox.append(FollowupEvents.key(followup), FollowupEvents.completed(followup));
        return followup;
    }
}
