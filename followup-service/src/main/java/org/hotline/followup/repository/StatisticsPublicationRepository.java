package org.hotline.followup.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Published, frozen statistics ({@code statistics_publication}); their figures are suppressed JSON. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StatisticsPublicationRepository {

    private final EntityManager entityManager;

    public StatisticsPublicationRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record Publication(UUID id, String title, LocalDate from, LocalDate to, String granularity, int threshold,
            Instant publishedAt, String figures) {
    }

    public void insert(Publication p, String publishedBy) {
        entityManager.createNativeQuery("INSERT INTO statistics_publication (id, title, from_day, to_day, granularity, "
                + "threshold, published_at, published_by, figures) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, p.id()).setParameter(2, p.title()).setParameter(3, p.from()).setParameter(4, p.to())
                .setParameter(5, p.granularity()).setParameter(6, p.threshold()).setParameter(7, p.publishedAt())
                .setParameter(8, publishedBy).setParameter(9, p.figures()).executeUpdate();
    }

    /** Newest first, without their figures. */
    public List<Publication> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, title, from_day, to_day, granularity, "
                + "threshold, published_at, NULL FROM statistics_publication ORDER BY published_at DESC, id")
                .getResultList();
        return rows.stream().map(StatisticsPublicationRepository::publication).toList();
    }

    public Optional<Publication> find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, title, from_day, to_day, granularity, "
                + "threshold, published_at, figures FROM statistics_publication WHERE id = ?1").setParameter(1, id)
                .getResultList();
        return rows.stream().findFirst().map(StatisticsPublicationRepository::publication);
    }

    /** Whether a publication covers any day of the range (publications must not overlap: see the README). */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !entityManager.createNativeQuery("SELECT id FROM statistics_publication WHERE from_day <= ?2 "
                + "AND to_day >= ?1 LIMIT 1").setParameter(1, from).setParameter(2, to).getResultList().isEmpty();
    }

    public boolean delete(UUID id) {
        return entityManager.createNativeQuery("DELETE FROM statistics_publication WHERE id = ?1").setParameter(1, id)
                .executeUpdate() == 1;
    }

    /** Serialises publications against one another, so two overlapping ones cannot both pass the check. */
    public void lock() {
        entityManager.createNativeQuery("SELECT count(*) FROM pg_advisory_xact_lock(hashtext(current_schema() "
                + "|| '.statistics-publication'))").getSingleResult();
    }

    private static Publication publication(Object[] r) {
        return new Publication((UUID) r[0], (String) r[1], date(r[2]), date(r[3]), (String) r[4],
                ((Number) r[5]).intValue(), StatisticsGenerationRepository.instant(r[6]), (String) r[7]);
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
