package org.hotline.intake.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.intake.CaseHistoryEntry;

@ApplicationScoped
public class CaseHistoryRepository implements PanacheRepositoryBase<CaseHistoryEntry, Long> {

    /** The case's changes, oldest first. */
    public List<CaseHistoryEntry> ofCase(UUID caseId) {
        return list("caseId = ?1 ORDER BY id", caseId);
    }
}
