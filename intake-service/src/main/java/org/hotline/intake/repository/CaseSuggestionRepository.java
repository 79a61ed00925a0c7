package org.hotline.intake.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.intake.CaseSuggestion;

@ApplicationScoped
public class CaseSuggestionRepository implements PanacheRepositoryBase<CaseSuggestion, UUID> {

    /** The signal's suggestions, best first. */
    public List<CaseSuggestion> ofContact(UUID contactId) {
        return list("contactId = ?1 ORDER BY score DESC, suggestedAt", contactId);
    }

    public Optional<CaseSuggestion> of(UUID contactId, UUID caseId) {
        return find("contactId = ?1 AND caseId = ?2", contactId, caseId).firstResultOptional();
    }
}
