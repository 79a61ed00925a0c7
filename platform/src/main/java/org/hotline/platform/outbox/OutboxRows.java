package org.hotline.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline.platform.rest.PageRequest;

/**
 * The relay's short transactions on the outbox table: claim a batch, delete what the broker acknowledged, record what
 * it refused. None of them is open while a record is on its way to the broker.
 */
@ApplicationScoped
public class OutboxRows {

    /**
     * Rows due for sending, in the order they were written. A row waits while an earlier row of its topic and key is
     * backing off after a refusal or is set aside, so one aggregate's events never overtake each other from one
     * batch to the next; rows of other keys go past it.
     */
    private static final String CLAIM = """
            SELECT o.* FROM outbox o
            WHERE o.set_aside_at IS NULL
              AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= now())
              AND NOT EXISTS (SELECT 1 FROM outbox b
                              WHERE b.topic = o.topic AND b.record_key = o.record_key AND b.id < o.id
                                AND (b.set_aside_at IS NOT NULL OR b.next_attempt_at > now()))
            ORDER BY o.id
            LIMIT ?1
            """;

    private final EntityManager entityManager;

    public OutboxRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public List<OutboxEvent> claim(int limit) {
        List<OutboxEvent> rows = entityManager.createNativeQuery(CLAIM, OutboxEvent.class)
                .setParameter(1, limit)
                .getResultList();
        rows.forEach(entityManager::detach);
        return rows;
    }

    /** Deletes the rows the broker acknowledged. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void delete(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            entityManager.createQuery("DELETE FROM OutboxEvent WHERE id IN :ids").setParameter("ids", ids)
                    .executeUpdate();
        }
    }

    /**
     * Records refusals: each row backs off (holding back later rows of its topic and key), and a row refused
     * {@code maxAttempts} times for a reason that will not pass by itself is set aside.
     *
     * @return how many rows were set aside, and when the first of the others is due again
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Refused recordRefusals(List<Refusal> refusals, int maxAttempts, Duration backoff, Duration maxBackoff) {
        int setAside = 0;
        Instant firstRetry = null;
        Instant now = Instant.now();
        for (Refusal refusal : refusals) {
            OutboxEvent row = entityManager.find(OutboxEvent.class, refusal.id());
            if (row == null) {
                continue;
            }
            int attempts = refusal.permanent() ? row.attempts() + 1 : row.attempts();
            boolean aside = refusal.permanent() && attempts >= maxAttempts;
            Duration wait = min(backoff.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1))), maxBackoff);
            row.refused(attempts, refusal.reason(), now.plus(wait), aside ? now : null);
            if (aside) {
                setAside++;
            } else if (firstRetry == null || now.plus(wait).isBefore(firstRetry)) {
                firstRetry = now.plus(wait);
            }
        }
        return new Refused(setAside, firstRetry);
    }

    /** Rows set aside, oldest first, with how many later rows of their topic and key wait behind them. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<SetAsideRow> setAside(PageRequest page) {
        List<OutboxEvent> rows = entityManager
                .createQuery("FROM OutboxEvent WHERE setAsideAt IS NOT NULL ORDER BY id", OutboxEvent.class)
                .setFirstResult(Math.toIntExact(page.offset())).setMaxResults(page.size()).getResultList();
        return rows.stream().map(row -> new SetAsideRow(row.id(), row.eventId(), row.eventType(), row.topic(),
                row.attempts(), row.lastError(), row.createdAt(), row.setAsideAt(), waitingBehind(row))).toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long countSetAside() {
        return entityManager.createQuery("SELECT count(e) FROM OutboxEvent e WHERE e.setAsideAt IS NOT NULL",
                Long.class).getSingleResult();
    }

    /**
     * Puts a set-aside row back in line (with a fresh count of attempts), and with it the rows waiting behind it.
     *
     * @return whether the row was set aside
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean requeue(long id) {
        return entityManager.createQuery("""
                UPDATE OutboxEvent SET setAsideAt = NULL, nextAttemptAt = NULL, attempts = 0
                WHERE id = :id AND setAsideAt IS NOT NULL""").setParameter("id", id).executeUpdate() == 1;
    }

    /** Puts every set-aside row back in line. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int requeueAll() {
        return entityManager.createQuery("""
                UPDATE OutboxEvent SET setAsideAt = NULL, nextAttemptAt = NULL, attempts = 0
                WHERE setAsideAt IS NOT NULL""").executeUpdate();
    }

    private long waitingBehind(OutboxEvent row) {
        return entityManager.createQuery("""
                SELECT count(e) FROM OutboxEvent e
                WHERE e.topic = :topic AND e.recordKey = :key AND e.id > :id""", Long.class)
                .setParameter("topic", row.topic()).setParameter("key", row.recordKey()).setParameter("id", row.id())
                .getSingleResult();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The broker refused to take a row; {@code permanent} when waiting will not cure it. */
    public record Refusal(long id, boolean permanent, String reason) {
    }

    /** What recording refusals did: rows set aside, and when the first row still retrying is due (or null). */
    public record Refused(int setAside, Instant firstRetry) {
    }

    /** A set-aside row as an administrator sees it: where it was going and why it could not, never its payload. */
    public record SetAsideRow(long id, java.util.UUID eventId, String eventType, String topic, int attempts,
            String reason, Instant createdAt, Instant setAsideAt, long waitingBehind) {
    }
}
