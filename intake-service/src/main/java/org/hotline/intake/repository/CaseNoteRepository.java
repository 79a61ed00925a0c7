package org.hotline.intake.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.intake.CaseNote;

@ApplicationScoped
public class CaseNoteRepository implements PanacheRepositoryBase<CaseNote, UUID> {

    public List<CaseNote> ofCase(UUID caseId) {
        return list("caseId = ?1 ORDER BY createdAt, id", caseId);
    }
}
