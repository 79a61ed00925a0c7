package org.hotline.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.contracts.vocabulary.CaseStatus;
import org.hotline.intake.CaseFile;
import org.hotline.intake.CaseSuggestion;
import org.hotline.intake.Contact;
import org.hotline.intake.repository.CaseRepository;
import org.hotline.intake.repository.CaseSuggestionRepository;
import org.hotline.intake.repository.ContactRepository;
import org.hotline.platform.problem.ProblemException;

/**
 * The case suggestions of a signal as staff see them, and their decisions: confirming links the signal to the case
 * (recorded in the case's history and published), rejecting keeps the suggestion as rejected; who decided and when is
 * kept either way. A decided suggestion is not decided again.
 */
@ApplicationScoped
public class CaseSuggestions {

    private final ContactRepository contacts;
    private final CaseRepository cases;
    private final CaseSuggestionRepository suggestions;
    private final CaseWork work;
    private final StaffMember staff;
    private final Clock clock;

    public CaseSuggestions(ContactRepository contacts, CaseRepository cases, CaseSuggestionRepository suggestions,
            CaseWork work, StaffMember staff, Clock clock) {
        this.contacts = contacts;
        this.cases = cases;
        this.suggestions = suggestions;
        this.work = work;
        this.staff = staff;
        this.clock = clock;
    }

    /** A suggestion with its case's reference and status. No personal data: reasons name only what matched. */
    public record Shown(UUID id, String caseReference, CaseStatus caseStatus, List<String> reasons, int score,
            Float similarity, Instant suggestedAt, CaseSuggestion.Decision decision, String decidedBy,
            Instant decidedAt) {
    }

    @Transactional
    public List<Shown> of(String reference) {
        Contact signal = signal(reference);
        return suggestions.ofContact(signal.id()).stream().map(this::shown).toList();
    }

    @Transactional
    public Shown confirm(String reference, UUID suggestionId) {
        CaseSuggestion suggestion = undecided(reference, suggestionId);
        CaseFile c = cases.lock(suggestion.caseId()).orElseThrow();
        // A case merged since the suggestion was made lives on in the case it was merged into.
        for (int hops = 0; c.mergedInto() != null && hops < 10; hops++) {
            c = cases.lock(c.mergedInto()).orElseThrow();
        }
        work.linkSuggested(c, signal(reference));
        suggestion.decide(CaseSuggestion.Decision.CONFIRMED, staff.subject(), Instant.now(clock));
        return shown(suggestion);
    }

    @Transactional
    public Shown reject(String reference, UUID suggestionId) {
        CaseSuggestion suggestion = undecided(reference, suggestionId);
        suggestion.decide(CaseSuggestion.Decision.REJECTED, staff.subject(), Instant.now(clock));
        return shown(suggestion);
    }

    private CaseSuggestion undecided(String reference, UUID suggestionId) {
        Contact signal = signal(reference);
        CaseSuggestion suggestion = suggestions.findByIdOptional(suggestionId)
                .filter(s -> s.contactId().equals(signal.id()))
                .orElseThrow(() -> ProblemException.notFound("Suggestion " + suggestionId + " of " + reference));
        if (suggestion.decision() != null) {
            throw new ProblemException(409, "suggestion-decided", "Suggestion already decided",
                    "This suggestion was " + suggestion.decision() + " at " + suggestion.decidedAt());
        }
        return suggestion;
    }

    private Shown shown(CaseSuggestion s) {
        CaseFile c = cases.findById(s.caseId());
        return new Shown(s.id(), c.reference(), c.status(), Arrays.asList(s.reasons().split(",")), s.score(),
                s.similarity(), s.suggestedAt(), s.decision(), s.decidedBy(), s.decidedAt());
    }

    private Contact signal(String reference) {
        return contacts.findByReference(reference)
                .orElseThrow(() -> ProblemException.notFound("Contact " + reference));
    }
}
