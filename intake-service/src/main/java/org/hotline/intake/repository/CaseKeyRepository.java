package org.hotline.intake.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.intake.CaseKey;

@ApplicationScoped
public class CaseKeyRepository implements PanacheRepositoryBase<CaseKey, UUID> {

    /** Case keys still wrapped by another KEK than {@code currentKekId}, locked so two instances share the work. */
    @SuppressWarnings("unchecked")
    public List<CaseKey> lockNotWrappedBy(String currentKekId, int limit) {
        return getEntityManager().createNativeQuery("SELECT * FROM case_key WHERE kek_id <> :current "
                + "ORDER BY case_id LIMIT :limit FOR UPDATE SKIP LOCKED", CaseKey.class)
                .setParameter("current", currentKekId).setParameter("limit", limit).getResultList();
    }
}
