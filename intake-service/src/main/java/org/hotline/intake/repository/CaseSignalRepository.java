package org.hotline.intake.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.intake.CaseSignal;

@ApplicationScoped
public class CaseSignalRepository implements PanacheRepositoryBase<CaseSignal, UUID> {

    /** The case's signals, first linked first. */
    public List<CaseSignal> ofCase(UUID caseId) {
        return list("caseId = ?1 ORDER BY linkedAt, contactId", caseId);
    }

    /** The references of the case's signals, in the order they were received. */
    @SuppressWarnings("unchecked")
    public List<String> referencesOf(UUID caseId) {
        return getEntityManager().createNativeQuery("SELECT c.reference FROM case_signal s JOIN contact c "
                + "ON c.id = s.contact_id WHERE s.case_id = ?1 ORDER BY c.received_at, c.reference")
                .setParameter(1, caseId).getResultList();
    }
}
