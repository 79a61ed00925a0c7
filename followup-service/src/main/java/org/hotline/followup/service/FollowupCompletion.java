package org.hotline.followup.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hotline.contracts.vocabulary.FollowupOutcome;
import org.hotline.followup.Followup;
import org.hotline.followup.FollowupStatus;
import org.hotline.followup.messaging.FollowupEvents;
import org.hotline.followup.repository.FollowupRepository;
import org.hotline.followup.rest.client.IntakeNotesClient;
import org.hotline.platform.SafeThrowables;
import org.hotline.platform.outbox.OutboxWriter;
import org.hotline.platform.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Records that staff replied: once per follow-up, with what came of it, and its {@code hotline.followup.completed}
 * event in the same transaction. A note given with the completion is personal data, which followup never holds: it is
 * handed to intake-service as a contact note (sealed and audited there, author = the staff member, whose token goes
 * along) before the follow-up is completed, so a completion never goes through with its note lost. If intake does not
 * take it, nothing is completed (503) and the staff member tries again.
 */
@ApplicationScoped
public class FollowupCompletion {

    private static final Logger LOG = Logger.getLogger(FollowupCompletion.class);

    private final FollowupRepository followups;
    private final OutboxWriter outbox;
    private final IntakeNotesClient intakeNotes;
    private final Clock clock;

    public FollowupCompletion(FollowupRepository followups, OutboxWriter outbox,
            @RestClient IntakeNotesClient intakeNotes, Clock clock) {
        this.followups = followups;
        this.outbox = outbox;
        this.intakeNotes = intakeNotes;
        this.clock = clock;
    }

    /** Completes the follow-up of a contact now, without outcome or note. */
    public Followup complete(String reference) {
        return complete(reference, null, null);
    }

    /**
     * Completes the follow-up of a contact now.
     *
     * @param outcome what came of it, or null
     * @param note the staff member's note for intake, or null
     * @throws ProblemException 404 when the contact has no follow-up, 409 when it is already completed, 503 when a
     *         note was given and intake-service did not take it
     */
    public Followup complete(String reference, FollowupOutcome outcome, String note) {
        if (note != null) {
            // Checked first so that a note is not added to a contact whose follow-up cannot be completed. A completion
            // racing this one can still win in between: the note is then kept in intake all the same, and this one
            // answers 409 below.
            QuarkusTransaction.requiringNew().run(() -> open(followups.findByReference(reference), reference));
            keepNoteInIntake(reference, note);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Followup followup = open(followups.findByReferenceForUpdate(reference), reference);
            followup.complete(Instant.now(clock), outcome);
            outbox.append(FollowupEvents.key(followup), FollowupEvents.completed(followup));
            return followup;
        });
    }

    static ProblemException alreadyCompleted(Followup followup) {
        return new ProblemException(409, "already-completed", "Already completed",
                "Follow-up " + followup.reference() + " was completed at " + followup.completedAt());
    }

    private static Followup open(java.util.Optional<Followup> found, String reference) {
        Followup followup = found.orElseThrow(() -> ProblemException.notFound("Follow-up " + reference));
        if (followup.status() == FollowupStatus.COMPLETED) {
            throw alreadyCompleted(followup);
        }
        return followup;
    }

    private void keepNoteInIntake(String reference, String note) {
        try {
            intakeNotes.add(reference, new IntakeNotesClient.Note(note));
        } catch (RuntimeException e) {
            // Never the note or the exception's message (it may quote the request): types and places only.
            LOG.warnf("The completion note for %s was not kept by intake-service: %s", reference,
                    SafeThrowables.describe(e));
            throw new ProblemException(503, "note-not-kept", "Note not kept",
                    "intake-service did not keep the note, so the follow-up was not completed; try again");
        }
    }
}
