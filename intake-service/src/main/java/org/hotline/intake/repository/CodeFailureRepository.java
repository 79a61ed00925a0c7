package org.hotline.intake.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Wrong follow-up codes per reference, shared by every instance through the database. Bounded: once a reference has
 * its limit no more are recorded for it (attempts answer 429 before a check), and rows past the window are purged.
 */
@ApplicationScoped
public class CodeFailureRepository {

    private final EntityManager entityManager;

    public CodeFailureRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public long countSince(String reference, Instant since) {
        return ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM follow_up_code_failure WHERE reference = ?1 AND failed_at >= ?2")
                .setParameter(1, reference).setParameter(2, since).getSingleResult()).longValue();
    }

    public void record(String reference, Instant at) {
        entityManager.createNativeQuery("INSERT INTO follow_up_code_failure (reference, failed_at) VALUES (?1, ?2)")
                .setParameter(1, reference).setParameter(2, at).executeUpdate();
    }

    /** Deletes up to {@code limit} failures older than {@code before}; answers how many. */
    public int purgeBefore(Instant before, int limit) {
        return entityManager.createNativeQuery("DELETE FROM follow_up_code_failure WHERE id IN (SELECT id FROM "
                + "follow_up_code_failure WHERE failed_at < ?1 ORDER BY failed_at LIMIT ?2)")
                .setParameter(1, before).setParameter(2, limit).executeUpdate();
    }
}
