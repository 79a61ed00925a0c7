package org.hotline.followup.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The generations of the statistics read model ({@code statistics_generation}) and their tables. Every table of the
 * read model is partitioned by generation, so a fresh generation gets fresh partitions and a retired one is dropped.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StatisticsGenerationRepository {

    /** The partitioned tables of the read model. */
    static final List<String> TABLES = List.of("statistics_cell", "statistics_contact", "statistics_referral",
            "statistics_followup", "statistics_parked_event", "statistics_median");

    private final EntityManager entityManager;

    public StatisticsGenerationRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One generation's bookkeeping. */
    public record Generation(int id, String status, Instant startedAt, Instant heartbeatAt, Instant finishedAt,
            long eventsRead, long eventsSkipped) {
    }

    /** The generation queries read. */
    public int active() {
        return ((Number) entityManager.createNativeQuery(
                "SELECT id FROM statistics_generation WHERE status = 'ACTIVE'").getSingleResult()).intValue();
    }

    /** The generations live events are counted into: the active one and the one being built, if any. */
    public List<Integer> live() {
        @SuppressWarnings("unchecked")
        List<Number> ids = entityManager.createNativeQuery(
                "SELECT id FROM statistics_generation WHERE status IN ('ACTIVE', 'BUILDING') ORDER BY id")
                .getResultList();
        return ids.stream().map(Number::intValue).toList();
    }

    /**
     * Whether the generation still takes events, holding its row (shared) until the transaction ends, so a swap
     * waits for the writers of the generation it retires and no write reaches a dropped table.
     */
    public boolean lockIfLive(int generation) {
        return !entityManager.createNativeQuery("SELECT id FROM statistics_generation WHERE id = ?1 "
                + "AND status IN ('ACTIVE', 'BUILDING') FOR SHARE").setParameter(1, generation).getResultList()
                .isEmpty();
    }

    public Optional<Generation> find(int id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, status, started_at, heartbeat_at, "
                + "finished_at, events_read, events_skipped FROM statistics_generation WHERE id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(StatisticsGenerationRepository::generation);
    }

    public Optional<Generation> building() {
        @SuppressWarnings("unchecked")
        List<Number> ids = entityManager.createNativeQuery(
                "SELECT id FROM statistics_generation WHERE status = 'BUILDING' FOR UPDATE").getResultList();
        return ids.stream().findFirst().flatMap(id -> find(id.intValue()));
    }

    /** Adds a generation being built, with empty partitions of every read-model table. */
    public int startBuilding(String requestedBy, Instant now) {
        int id = ((Number) entityManager.createNativeQuery(
                "SELECT COALESCE(max(id), 0) + 1 FROM statistics_generation").getSingleResult()).intValue();
        entityManager.createNativeQuery("INSERT INTO statistics_generation (id, status, started_at, heartbeat_at, "
                + "requested_by) VALUES (?1, 'BUILDING', ?2, ?2, ?3)").setParameter(1, id).setParameter(2, now)
                .setParameter(3, requestedBy).executeUpdate();
        for (String table : TABLES) {
            // The id is an integer this method computed: nothing from outside reaches the statement.
            entityManager.createNativeQuery("CREATE TABLE " + table + "_g" + id + " PARTITION OF " + table
                    + " FOR VALUES IN (" + id + ")").executeUpdate();
        }
        return id;
    }

    public void reportProgress(int id, long read, long skipped, Instant now) {
        entityManager.createNativeQuery("UPDATE statistics_generation SET heartbeat_at = ?2, events_read = ?3, "
                + "events_skipped = ?4 WHERE id = ?1").setParameter(1, id).setParameter(2, now).setParameter(3, read)
                .setParameter(4, skipped).executeUpdate();
    }

    /**
     * Makes a built generation the active one and retires the previous: both rows are locked first, so live writers
     * of the retiring generation (which hold it shared) finish before. Answers the retired generation.
     */
    public Optional<Integer> activate(int id, Instant now) {
        @SuppressWarnings("unchecked")
        List<Number> previous = entityManager.createNativeQuery("SELECT id FROM statistics_generation "
                + "WHERE status IN ('ACTIVE', 'BUILDING') ORDER BY id FOR UPDATE").getResultList();
        Optional<Integer> retired = previous.stream().map(Number::intValue).filter(g -> g != id).findFirst();
        retired.ifPresent(g -> setStatus(g, "RETIRED", now));
        setStatus(id, "ACTIVE", now);
        return retired;
    }

    public void fail(int id, Instant now) {
        setStatus(id, "FAILED", now);
    }

    /** Drops a retired or failed generation's tables. */
    public void dropTables(int id) {
        for (String table : TABLES) {
            entityManager.createNativeQuery("DROP TABLE IF EXISTS " + table + "_g" + id).executeUpdate();
        }
    }

    private void setStatus(int id, String status, Instant now) {
        entityManager.createNativeQuery("UPDATE statistics_generation SET status = ?2, finished_at = ?3 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, status).setParameter(3, now).executeUpdate();
    }

    private static Generation generation(Object[] row) {
        return new Generation(((Number) row[0]).intValue(), (String) row[1], instant(row[2]), instant(row[3]),
                instant(row[4]), ((Number) row[5]).longValue(), ((Number) row[6]).longValue());
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass().getName());
    }
}
