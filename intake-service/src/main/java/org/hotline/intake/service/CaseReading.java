package org.hotline.intake.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.contracts.vocabulary.CaseCloseReason;
import org.hotline.contracts.vocabulary.CaseStatus;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.contracts.vocabulary.Typology;
import org.hotline.intake.CaseFile;
import org.hotline.intake.CaseHistoryEntry;
import org.hotline.intake.Contact;
import org.hotline.intake.messaging.CaseEvents;
import org.hotline.intake.repository.CaseHistoryRepository;
import org.hotline.intake.repository.CaseRepository;
import org.hotline.intake.repository.CaseSignalRepository;
import org.hotline.intake.repository.ContactReferralRepository;
import org.hotline.intake.repository.ContactRepository;
import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.rest.ResultPage;

/**
 * Cases as staff read them: the list (no personal data, so not audited) and one case with its signals, referrals and
 * their outcomes, and history. Notes are read apart ({@link CaseNotes}), audited.
 */
@ApplicationScoped
public class CaseReading {

    private final CaseRepository cases;
    private final CaseSignalRepository caseSignals;
    private final ContactRepository contacts;
    private final CaseHistoryRepository history;
    private final ContactReferralRepository referrals;
    private final CaseJournal journal;

    public CaseReading(CaseRepository cases, CaseSignalRepository caseSignals, ContactRepository contacts,
            CaseHistoryRepository history, ContactReferralRepository referrals, CaseJournal journal) {
        this.cases = cases;
        this.caseSignals = caseSignals;
        this.contacts = contacts;
        this.history = history;
        this.referrals = referrals;
        this.journal = journal;
    }

    /** A case in the list. */
    public record Summary(String reference, CaseStatus status, CaseCloseReason closeReason, Typology typology,
            TraffickingType traffickingType, String county, String state, int victims, int minors, String assignee,
            Instant openedAt, Instant updatedAt) {

        static Summary of(CaseFile c) {
            return new Summary(c.reference(), c.status(), c.closeReason(), c.typology(), c.traffickingType(),
                    c.county(), c.state(), c.victims(), c.minors(), c.assignee(), c.openedAt(), c.updatedAt());
        }
    }

    /** One signal of a case, without its personal data (open the contact for that). */
    public record Signal(String reference, ContactKind kind, Instant receivedAt, Typology typology,
            TraffickingType traffickingType, Instant linkedAt, String linkedBy) {
    }

    /** A referral of one of the case's signals and the partner's latest outcome. */
    public record Referral(UUID referralId, String signalReference, UUID organizationId, boolean lawEnforcement,
            Instant issuedAt, String outcome, Instant outcomeAt) {
    }

    public record Change(Instant at, String actor, String change, String detail) {
    }

    /** The whole case. */
    public record Detail(String reference, CaseStatus status, CaseCloseReason closeReason, String mergedInto,
            Typology typology, TraffickingType traffickingType, String county, String state, int victims,
            int minors, int victimsIdentified, int victimsServed, String assignee, Instant openedAt,
            String openedBy, Instant updatedAt, Instant closedAt, List<Signal> signals, List<Referral> referrals,
            List<Change> history) {
    }

    @Transactional
    public ResultPage<Summary> find(CaseRepository.Filter filter, int page, int size) {
        CaseRepository.Page found = cases.find(filter, page, size);
        return ResultPage.of(found.items().stream().map(Summary::of).toList(), page, size, found.total());
    }

    @Transactional
    public Detail of(String reference) {
        CaseFile c = cases.findByReference(reference)
                .orElseThrow(() -> ProblemException.notFound("Case " + reference));
        List<Signal> signals = caseSignals.ofCase(c.id()).stream().map(s -> {
            Contact contact = contacts.findById(s.contactId());
            return new Signal(contact.reference(), contact.kind(), contact.receivedAt(), contact.typology(),
                    contact.traffickingType(), s.linkedAt(), s.linkedBy());
        }).toList();
        List<Referral> ofCase = referrals.ofCase(c.id()).stream()
                .map(r -> new Referral(r.referralId(), r.reference(), r.organizationId(), r.lawEnforcement(),
                        r.issuedAt(), r.outcome() == null ? null : r.outcome().name(), r.outcomeAt()))
                .toList();
        List<Change> changes = history.ofCase(c.id()).stream()
                .map((CaseHistoryEntry h) -> new Change(h.at(), h.actor(), h.change(), h.detail())).toList();
        String mergedInto = c.mergedInto() == null ? null : cases.findById(c.mergedInto()).reference();
        CaseEvents.Served served = journal.served(c);
        return new Detail(c.reference(), c.status(), c.closeReason(), mergedInto, c.typology(), c.traffickingType(),
                c.county(), c.state(), c.victims(), c.minors(), served.identified(), served.served(), c.assignee(),
                c.openedAt(), c.openedBy(), c.updatedAt(), c.closedAt(), signals, ofCase, changes);
    }
}
