package org.hotline.intake.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Wrong follow-up codes per reference, shared by every instance through the database. */
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
}
