package org.hotline.intake.service;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.contracts.events.CaseFacts;
import org.hotline.contracts.vocabulary.ReferralOutcome;
import org.hotline.intake.CaseFile;
import org.hotline.intake.CaseHistoryEntry;
import org.hotline.intake.messaging.CaseEvents;
import org.hotline.intake.repository.CaseHistoryRepository;
import org.hotline.intake.repository.CaseSignalRepository;
import org.hotline.intake.repository.ContactReferralRepository;
import org.hotline.platform.outbox.OutboxWriter;

/**
 * Writes down one change of a case: a row in {@code case_history} and exactly one event in the outbox, in the
 * caller's transaction, so the change, its history and its event commit together or not at all.
 */
@ApplicationScoped
public class CaseJournal {

    /** Partner outcomes that mean the case's victims were reached (identified) and helped (served). */
    static final Set<ReferralOutcome> IDENTIFIED = EnumSet.of(ReferralOutcome.CONTACTED, ReferralOutcome.CASE_OPENED,
            ReferralOutcome.SERVICES_PROVIDED);

    private final CaseHistoryRepository history;
    private final CaseSignalRepository signals;
    private final ContactReferralRepository referrals;
    private final OutboxWriter outbox;

    public CaseJournal(CaseHistoryRepository history, CaseSignalRepository signals,
            ContactReferralRepository referrals, OutboxWriter outbox) {
        this.history = history;
        this.signals = signals;
        this.referrals = referrals;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(CaseFile c, String actor, String detail) {
        history.persist(new CaseHistoryEntry(c.id(), c.openedAt(), actor, "OPENED", detail));
        outbox.append(c.reference(), CaseEvents.opened(c, facts(c)));
    }

    /** A change of a case that stays open; {@code change} names it in the history and the event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void updated(CaseFile c, Instant at, String actor, String change, String detail) {
        c.touch(at);
        history.persist(new CaseHistoryEntry(c.id(), at, actor, change, detail));
        outbox.append(c.reference(), CaseEvents.updated(c, at, change, facts(c)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void closed(CaseFile c, String actor, String mergedInto, String detail) {
        history.persist(new CaseHistoryEntry(c.id(), c.closedAt(), actor, "CLOSED", detail));
        outbox.append(c.reference(), CaseEvents.closed(c, mergedInto, facts(c)));
    }

    /** Victims identified and served: all the case's victims once a partner reported reaching, then serving them. */
    public CaseEvents.Served served(CaseFile c) {
        List<ContactReferralRepository.OfCase> ofCase = referrals.ofCase(c.id());
        boolean identified = ofCase.stream().anyMatch(r -> r.outcome() != null && IDENTIFIED.contains(r.outcome()));
        boolean served = ofCase.stream().anyMatch(r -> r.outcome() == ReferralOutcome.SERVICES_PROVIDED);
        return new CaseEvents.Served(identified ? c.victims() : 0, served ? c.victims() : 0);
    }

    private CaseFacts facts(CaseFile c) {
        history.flush();
        return CaseEvents.facts(c, signals.referencesOf(c.id()), served(c));
    }
}
