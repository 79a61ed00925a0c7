package org.hotline.intake.repository;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.intake.ContactKey;

@ApplicationScoped
public class ContactKeyRepository implements PanacheRepositoryBase<ContactKey, UUID> {

    /** Data keys still wrapped by another KEK than {@code currentKekId}, locked so two instances share the work. */
    @SuppressWarnings("unchecked")
    public List<ContactKey> lockNotWrappedBy(String currentKekId, int limit) {
        return getEntityManager().createNativeQuery("SELECT * FROM contact_key WHERE kek_id <> :current "
                + "ORDER BY contact_id LIMIT :limit FOR UPDATE SKIP LOCKED", ContactKey.class)
                .setParameter("current", currentKekId).setParameter("limit", limit).getResultList();
    }

    /** How many data keys (contacts' and cases') each KEK wraps. */
    public Map<String, Long> countByKek() {
        Map<String, Long> counts = new TreeMap<>();
        getEntityManager().createQuery("SELECT k.kekId, count(k) FROM ContactKey k GROUP BY k.kekId", Object[].class)
                .getResultList().forEach(row -> counts.merge((String) row[0], (Long) row[1], Long::sum));
        getEntityManager().createQuery("SELECT k.kekId, count(k) FROM CaseKey k GROUP BY k.kekId", Object[].class)
                .getResultList().forEach(row -> counts.merge((String) row[0], (Long) row[1], Long::sum));
        return counts;
    }
}
