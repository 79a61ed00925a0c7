package org.hotline.intake.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.contracts.events.ReferralIssued;
import org.hotline.contracts.events.ReferralOutcomeRecorded;
import org.hotline.contracts.vocabulary.CaseStatus;
import org.hotline.intake.CaseFile;
import org.hotline.intake.repository.CaseRepository;
import org.hotline.intake.repository.CaseSignalRepository;
import org.hotline.intake.repository.ContactReferralRepository;
import org.hotline.intake.repository.ContactRepository;

/**
 * Routing's referrals and partners' outcomes, applied to the case of the referred signal (inside the inbox's
 * transaction, once per event): an issued referral moves an OPEN case to REFERRED; an outcome is kept on the
 * referral (the latest wins) and counts the case's victims as identified or served ({@link CaseJournal#served}).
 * Each change is recorded and published like a staff change, by {@value #ACTOR}. A signal in no open case changes
 * nothing but its referral row.
 */
@ApplicationScoped
public class CaseReferralProgress {

    static final String ACTOR = "routing-service";

    private final ContactRepository contacts;
    private final CaseSignalRepository caseSignals;
    private final CaseRepository cases;
    private final ContactReferralRepository referrals;
    private final CaseJournal journal;

    public CaseReferralProgress(ContactRepository contacts, CaseSignalRepository caseSignals, CaseRepository cases,
            ContactReferralRepository referrals, CaseJournal journal) {
        this.contacts = contacts;
        this.caseSignals = caseSignals;
        this.cases = cases;
        this.referrals = referrals;
        this.journal = journal;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void issued(ReferralIssued issued) {
        openCaseOf(issued.reference()).ifPresent(c -> {
            if (c.status() == CaseStatus.OPEN) {
                c.moveTo(CaseStatus.REFERRED, issued.issuedAt());
            }
            journal.updated(c, issued.issuedAt(), ACTOR, "REFERRAL_ISSUED", issued.reference() + " → organisation "
                    + issued.organizationId() + " for " + issued.need());
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void outcome(ReferralOutcomeRecorded recorded) {
        if (!referrals.recordOutcome(recorded)) {
            return;
        }
        openCaseOf(recorded.reference()).ifPresent(c -> journal.updated(c, recorded.recordedAt(), ACTOR,
                "REFERRAL_OUTCOME", recorded.reference() + ": " + recorded.outcome() + " by organisation "
                        + recorded.organizationId()));
    }

    private Optional<CaseFile> openCaseOf(String reference) {
        return contacts.findByReference(reference)
                .flatMap(contact -> caseSignals.findByIdOptional(contact.id()))
                .flatMap(link -> cases.lock(link.caseId()))
                .filter(c -> !c.isClosed());
    }
}
