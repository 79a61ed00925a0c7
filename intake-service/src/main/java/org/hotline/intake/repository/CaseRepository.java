package org.hotline.intake.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.contracts.vocabulary.CaseStatus;
import org.hotline.contracts.vocabulary.Typology;
import org.hotline.intake.CaseFile;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<CaseFile, UUID> {

    public Optional<CaseFile> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    /** The case, locked for the rest of the transaction (merges and links take both cases' locks in id order). */
    public Optional<CaseFile> lockByReference(String reference) {
        return find("reference", reference).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The case, locked and re-read (a copy read before the lock may be stale). */
    public Optional<CaseFile> lock(UUID id) {
        CaseFile found = getEntityManager().find(CaseFile.class, id);
        if (found != null) {
            getEntityManager().refresh(found, LockModeType.PESSIMISTIC_WRITE);
        }
        return Optional.ofNullable(found);
    }

    /** The filters of the case list; null means any. */
    public record Filter(CaseStatus status, Boolean open, String assignee, Typology typology, String state) {
    }

    /** One page of cases, newest first, and how many match. */
    public record Page(List<CaseFile> items, long total) {
    }

    public Page find(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (filter.status() != null) {
            where.append(" AND c.status = ?").append(values.size() + 1);
            values.add(filter.status());
        }
        if (Boolean.TRUE.equals(filter.open())) {
            where.append(" AND c.status <> org.hotline.contracts.vocabulary.CaseStatus.CLOSED");
        } else if (Boolean.FALSE.equals(filter.open())) {
            where.append(" AND c.status = org.hotline.contracts.vocabulary.CaseStatus.CLOSED");
        }
        if (filter.assignee() != null) {
            where.append(" AND c.assignee = ?").append(values.size() + 1);
            values.add(filter.assignee());
        }
        if (filter.typology() != null) {
            where.append(" AND c.typology = ?").append(values.size() + 1);
            values.add(filter.typology());
        }
        if (filter.state() != null) {
            where.append(" AND c.state = ?").append(values.size() + 1);
            values.add(filter.state());
        }
        TypedQuery<CaseFile> query = getEntityManager().createQuery("SELECT c FROM CaseFile c" + where
                + " ORDER BY c.openedAt DESC, c.reference", CaseFile.class);
        TypedQuery<Long> count = getEntityManager().createQuery("SELECT count(c) FROM CaseFile c" + where,
                Long.class);
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
            count.setParameter(i + 1, values.get(i));
        }
        List<CaseFile> items = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = items.size() < size && (page == 0 || !items.isEmpty())
                ? (long) page * size + items.size() : count.getSingleResult();
        return new Page(items, total);
    }
}
