package org.hotline.followup.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.followup.Followup;
import org.hotline.followup.FollowupStatus;
import org.hotline.followup.repository.FollowupRepository;
import org.hotline.platform.problem.ProblemException;

/**
 * Who works a follow-up: a staff member claims an unclaimed one for themselves, a supervisor assigns it to anyone
 * (also taking it from someone). Serialised by the row lock, so two claims at once give it to exactly one person.
 */
@ApplicationScoped
public class FollowupAssignment {

    private final FollowupRepository followups;
    private final StaffDirectory staff;
    private final Clock clock;

    public FollowupAssignment(FollowupRepository followups, StaffDirectory staff, Clock clock) {
        this.followups = followups;
        this.staff = staff;
        this.clock = clock;
    }

    /**
     * The caller takes the follow-up. Claiming one's own again changes nothing.
     *
     * @throws ProblemException 404 unknown, 409 completed or claimed by someone else
     */
    @Transactional
    public Followup claim(String reference, String staffMember, String displayName) {
        Followup followup = openForUpdate(reference);
        if (followup.assignee() != null && !followup.assignee().equals(staffMember)) {
            throw new ProblemException(409, "already-claimed", "Already claimed",
                    "Follow-up " + reference + " is already assigned to someone else; a supervisor can reassign it");
        }
        followup.assignTo(staffMember, displayName, Instant.now(clock));
        return followup;
    }

    /**
     * A supervisor gives the follow-up to {@code staffMember}, named as this service last saw them (a subject never
     * seen keeps no name).
     *
     * @throws ProblemException 404 unknown, 409 completed
     */
    @Transactional
    public Followup assign(String reference, String staffMember) {
        Followup followup = openForUpdate(reference);
        followup.assignTo(staffMember, staff.nameOf(staffMember).orElse(null), Instant.now(clock));
        return followup;
    }

    private Followup openForUpdate(String reference) {
        Followup followup = followups.findByReferenceForUpdate(reference)
                .orElseThrow(() -> ProblemException.notFound("Follow-up " + reference));
        if (followup.status() == FollowupStatus.COMPLETED) {
            throw FollowupCompletion.alreadyCompleted(followup);
        }
        return followup;
    }
}
