package org.hotline.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.contracts.events.FollowupCompleted;
import org.hotline.contracts.events.FollowupScheduled;
import org.hotline.contracts.events.RoutingDecided;
import org.hotline.intake.FollowUpProgress;
import org.hotline.intake.repository.ContactRepository;
import org.jboss.logging.Logger;

/**
 * Keeps what the staff list shows of the other services' work on a contact: the urgency of its latest routing
 * decision and whether its follow-up is open. Applied inside the inbox's transaction (once per event); each update is
 * also safe in any order and any number of times: an older decision never overwrites a newer one, and a follow-up
 * once completed is never reopened by a scheduling event published again (an operator closure republishes
 * {@code hotline.followup.scheduled} for follow-ups still open).
 */
@ApplicationScoped
public class ContactProgress {

    private static final Logger LOG = Logger.getLogger(ContactProgress.class);

    private final ContactRepository contacts;

    public ContactProgress(ContactRepository contacts) {
        this.contacts = contacts;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void decided(RoutingDecided decision) {
        int updated = contacts.update("urgency = ?1, decidedAt = ?2 where reference = ?3 "
                + "and (decidedAt is null or decidedAt <= ?2)", decision.urgency(), decision.decidedAt(),
                decision.reference());
        if (updated == 0) {
            unknownOrOlder("routing decision", decision.reference());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void followUpScheduled(FollowupScheduled scheduled) {
        contacts.update("followUp = ?1 where reference = ?2 and followUp is null", FollowUpProgress.OPEN,
                scheduled.reference());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void followUpCompleted(FollowupCompleted completed) {
        int updated = contacts.update("followUp = ?1 where reference = ?2", FollowUpProgress.COMPLETED,
                completed.reference());
        if (updated == 0) {
            unknownOrOlder("follow-up completion", completed.reference());
        }
    }

    private static void unknownOrOlder(String what, String reference) {
        // A reference is not personal data. Nothing to keep for a contact intake does not hold (e.g. a test event or
        // a contact of another environment), and an older decision is superseded: neither is an error.
        LOG.debugf("%s for %s changed nothing: no such contact, or a newer one is kept", what, reference);
    }
}
