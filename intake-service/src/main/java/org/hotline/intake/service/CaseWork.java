package org.hotline.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.contracts.vocabulary.CaseCloseReason;
import org.hotline.contracts.vocabulary.CaseStatus;
import org.hotline.contracts.vocabulary.Typology;
import org.hotline.intake.CaseFile;
import org.hotline.intake.CaseSignal;
import org.hotline.intake.Contact;
import org.hotline.intake.References;
import org.hotline.intake.repository.CaseRepository;
import org.hotline.intake.repository.CaseSignalRepository;
import org.hotline.intake.repository.ContactRepository;
import org.hotline.intake.repository.SignalFingerprintRepository;
import org.hotline.platform.problem.ProblemException;

/**
 * What staff do to cases: open one from a signal, link and unlink signals, change its status, typology and victim
 * counts, assign it, close it, merge two. Each change is one transaction holding the case's row lock, with its
 * history row and exactly one event per changed case ({@link CaseJournal}), and the fingerprints of the signals whose
 * membership of an open case changed marked for the suggestion look-ups ({@link SignalFingerprintRepository}).
 */
@ApplicationScoped
public class CaseWork {

    private final CaseRepository cases;
    private final CaseSignalRepository caseSignals;
    private final ContactRepository contacts;
    private final SignalFingerprintRepository fingerprints;
    private final CaseJournal journal;
    private final StaffMember staff;
    private final Clock clock;

    public CaseWork(CaseRepository cases, CaseSignalRepository caseSignals, ContactRepository contacts,
            SignalFingerprintRepository fingerprints, CaseJournal journal, StaffMember staff, Clock clock) {
        this.cases = cases;
        this.caseSignals = caseSignals;
        this.contacts = contacts;
        this.fingerprints = fingerprints;
        this.journal = journal;
        this.staff = staff;
        this.clock = clock;
    }

    /** What a case is opened with besides its first signal; null fields take the signal's values or none. */
    public record Opening(String signalReference, Typology typology, Integer victims, Integer minors,
            String assignee) {
    }

    /** Changes to a case that stays open; a null field changes nothing. */
    public record Changes(CaseStatus status, Typology typology, Integer victims, Integer minors) {
    }

    @Transactional
    public CaseFile open(Opening opening) {
        Contact signal = signal(opening.signalReference());
        refuseIfLinked(signal);
        Instant now = Instant.now(clock);
        String actor = staff.subject();
        CaseFile c = CaseFile.open(References.nextCase(), now, actor);
        c.classify(opening.typology() != null ? opening.typology() : signal.typology(), signal.traffickingType(), now);
        if (signal.location() != null) {
            c.locate(signal.location().county(), signal.location().state(), now);
        }
        countVictims(c, opening.victims(), opening.minors(), now);
        c.assign(blankToNull(opening.assignee()), now);
        cases.persist(c);
        caseSignals.persist(new CaseSignal(signal.id(), c.id(), now, actor));
        fingerprints.markInOpenCase(signal.id(), true);
        journal.opened(c, actor, "from " + signal.reference());
        return c;
    }

    @Transactional
    public CaseFile link(String caseReference, String signalReference) {
        CaseFile c = openCase(caseReference);
        Contact signal = signal(signalReference);
        refuseIfLinked(signal);
        Instant now = Instant.now(clock);
        caseSignals.persist(new CaseSignal(signal.id(), c.id(), now, staff.subject()));
        fingerprints.markInOpenCase(signal.id(), true);
        journal.updated(c, now, staff.subject(), "SIGNAL_LINKED", signal.reference());
        return c;
    }

    /** Links a signal on a confirmed suggestion; the same as {@link #link}, named apart in the history. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseFile linkSuggested(CaseFile c, Contact signal) {
        if (c.isClosed()) {
            throw new ProblemException(409, "case-closed", "Case closed",
                    "The suggested case is closed; open a new case or link the signal to another");
        }
        refuseIfLinked(signal);
        Instant now = Instant.now(clock);
        caseSignals.persist(new CaseSignal(signal.id(), c.id(), now, staff.subject()));
        fingerprints.markInOpenCase(signal.id(), true);
        journal.updated(c, now, staff.subject(), "SUGGESTION_CONFIRMED", signal.reference());
        return c;
    }

    @Transactional
    public CaseFile unlink(String caseReference, String signalReference) {
        CaseFile c = openCase(caseReference);
        Contact signal = signal(signalReference);
        CaseSignal link = caseSignals.findByIdOptional(signal.id())
                .filter(s -> s.caseId().equals(c.id()))
                .orElseThrow(() -> ProblemException.notFound("Signal " + signalReference + " in case " + caseReference));
        if (caseSignals.count("caseId", c.id()) == 1) {
            throw new ProblemException(409, "last-signal", "Last signal of the case",
                    "A case keeps at least one signal: close the case instead");
        }
        caseSignals.delete(link);
        fingerprints.markInOpenCase(signal.id(), false);
        journal.updated(c, Instant.now(clock), staff.subject(), "SIGNAL_UNLINKED", signal.reference());
        return c;
    }

    @Transactional
    public CaseFile change(String caseReference, Changes changes) {
        CaseFile c = openCase(caseReference);
        Instant now = Instant.now(clock);
        StringBuilder detail = new StringBuilder();
        if (changes.status() != null && changes.status() != c.status()) {
            if (changes.status() == CaseStatus.CLOSED) {
                throw ProblemException.invalid("status", "a case is closed with a reason: POST …/closure");
            }
            detail.append("status ").append(c.status()).append(" → ").append(changes.status()).append("; ");
            c.moveTo(changes.status(), now);
        }
        if (changes.typology() != null && changes.typology() != c.typology()) {
            detail.append("typology ").append(c.typology()).append(" → ").append(changes.typology()).append("; ");
            c.classify(changes.typology(), c.traffickingType(), now);
        }
        if (changes.victims() != null || changes.minors() != null) {
            int victims = changes.victims() != null ? changes.victims() : c.victims();
            int minors = changes.minors() != null ? changes.minors() : c.minors();
            if (victims != c.victims() || minors != c.minors()) {
                detail.append("victims ").append(c.victims()).append('/').append(c.minors()).append(" → ")
                        .append(victims).append('/').append(minors).append(" (minors apart)");
                countVictims(c, victims, minors, now);
            }
        }
        if (!detail.isEmpty()) {
            journal.updated(c, now, staff.subject(), "DETAILS_CHANGED", detail.toString().replaceAll("; $", ""));
        }
        return c;
    }

    @Transactional
    public CaseFile assign(String caseReference, String assignee) {
        CaseFile c = openCase(caseReference);
        String to = blankToNull(assignee);
        if (!Objects.equals(to, c.assignee())) {
            Instant now = Instant.now(clock);
            c.assign(to, now);
            journal.updated(c, now, staff.subject(), to == null ? "UNASSIGNED" : "ASSIGNED", to);
        }
        return c;
    }

    @Transactional
    public CaseFile close(String caseReference, CaseCloseReason reason) {
        if (reason == CaseCloseReason.MERGED) {
            throw ProblemException.invalid("reason", "MERGED is set by a merge: POST /api/v1/cases/{survivor}/merges");
        }
        CaseFile c = openCase(caseReference);
        fingerprints.markCaseClosed(c.id());
        c.close(reason, null, Instant.now(clock));
        journal.closed(c, staff.subject(), null, reason.name());
        return c;
    }

    /**
     * Merges {@code mergedReference} into {@code survivorReference}: every signal moves to the survivor, which keeps
     * the larger victim counts and gains the typology and place it lacked; the merged case is closed with reason
     * MERGED pointing at the survivor. Both histories keep the merge; one event per case. Both rows are locked in
     * id order, so two merges of the same pair at once cannot deadlock or interleave.
     */
    @Transactional
    public CaseFile merge(String survivorReference, String mergedReference) {
        if (survivorReference.equals(mergedReference)) {
            throw ProblemException.invalid("caseReference", "a case cannot be merged into itself");
        }
        CaseFile survivorFound = find(survivorReference);
        CaseFile mergedFound = find(mergedReference);
        List<CaseFile> ordered = survivorFound.id().compareTo(mergedFound.id()) < 0
                ? List.of(survivorFound, mergedFound) : List.of(mergedFound, survivorFound);
        ordered.forEach(c -> cases.lock(c.id()));
        CaseFile survivor = refuseIfClosed(survivorFound);
        CaseFile merged = refuseIfClosed(mergedFound);
        Instant now = Instant.now(clock);
        String actor = staff.subject();
        List<CaseSignal> moved = caseSignals.ofCase(merged.id());
        moved.forEach(s -> s.moveTo(survivor.id(), now, actor));
        survivor.countVictims(Math.max(survivor.victims(), merged.victims()),
                Math.min(Math.max(survivor.minors(), merged.minors()), Math.max(survivor.victims(), merged.victims())),
                now);
        if (survivor.typology() == null && merged.typology() != null) {
            survivor.classify(merged.typology(), merged.traffickingType(), now);
        }
        if (survivor.state() == null && merged.state() != null) {
            survivor.locate(merged.county(), merged.state(), now);
        }
        merged.close(CaseCloseReason.MERGED, survivor.id(), now);
        caseSignals.flush();
        journal.updated(survivor, now, actor, "MERGED_IN", merged.reference() + " (" + moved.size() + " signals)");
        journal.closed(merged, actor, survivor.reference(), "MERGED into " + survivor.reference() + " ("
                + moved.size() + " signals moved)");
        return survivor;
    }

    private void countVictims(CaseFile c, Integer victims, Integer minors, Instant now) {
        int v = victims == null ? c.victims() : victims;
        int m = minors == null ? c.minors() : minors;
        if (v < 0 || m < 0 || m > v) {
            throw ProblemException.invalid("minors", "victims and minors must be at least 0, and minors at most "
                    + "victims (minors are counted among the victims)");
        }
        c.countVictims(v, m, now);
    }

    private CaseFile find(String reference) {
        return cases.findByReference(reference).orElseThrow(() -> ProblemException.notFound("Case " + reference));
    }

    /** The case, locked, refusing a closed one. */
    private CaseFile openCase(String reference) {
        return refuseIfClosed(cases.lockByReference(reference)
                .orElseThrow(() -> ProblemException.notFound("Case " + reference)));
    }

    private static CaseFile refuseIfClosed(CaseFile c) {
        if (c.isClosed()) {
            throw new ProblemException(409, "case-closed", "Case closed",
                    "Case " + c.reference() + " is closed (" + c.closeReason() + ") and no longer changes");
        }
        return c;
    }

    private Contact signal(String reference) {
        if (reference == null || reference.isBlank()) {
            throw ProblemException.invalid("signalReference", "must not be blank");
        }
        return contacts.findByReference(reference)
                .orElseThrow(() -> ProblemException.notFound("Contact " + reference));
    }

    private void refuseIfLinked(Contact signal) {
        caseSignals.findByIdOptional(signal.id()).ifPresent(link -> {
            String in = cases.findById(link.caseId()).reference();
            throw new ProblemException(409, "signal-in-a-case", "Signal already in a case",
                    "Contact " + signal.reference() + " belongs to case " + in + ": unlink it there first");
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
