package org.hotline.routing.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.routing.PartnerEvent;

@ApplicationScoped
public class PartnerEventRepository implements PanacheRepositoryBase<PartnerEvent, Long> {

    /**
     * One organisation's events after a cursor, in commit order, as the partner feed serves referrals: only those
     * written by a transaction below the snapshot's xmin, so nothing can later appear behind the cursor.
     */
    @SuppressWarnings("unchecked")
    public List<PartnerEvent> after(UUID organizationId, long cursorTxid, long cursorSeq, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM partner_event
                WHERE organization_id = :organization
                  AND feed_txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
                  AND (feed_txid, seq) > (:txid, :seq)
                ORDER BY feed_txid, seq
                LIMIT :limit""", PartnerEvent.class)
                .setParameter("organization", organizationId)
                .setParameter("txid", cursorTxid)
                .setParameter("seq", cursorSeq)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** The id of the current transaction (assigning one if it has none yet): what its partner events' feed_txid is. */
    public long currentTransactionId() {
        return ((Number) getEntityManager().createNativeQuery("SELECT pg_current_xact_id()::text::bigint")
                .getSingleResult()).longValue();
    }

    /** The transaction-id horizon now: every transaction below it has ended. */
    public long currentHorizon() {
        return ((Number) getEntityManager()
                .createNativeQuery("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
                .getSingleResult()).longValue();
    }

    /**
     * Deletes events older than the cutoff that no live subscription of their organisation still has to deliver (a
     * failing subscription keeps its backlog, however old); returns how many.
     */
    public int purgeDelivered(java.time.Instant cutoff) {
        return getEntityManager().createNativeQuery("""
                DELETE FROM partner_event e
                WHERE e.occurred_at < :cutoff
                  AND NOT EXISTS (SELECT 1 FROM webhook_subscription s
                                  WHERE s.organization_id = e.organization_id AND s.status <> 'DISABLED'
                                    AND (s.cursor_txid, s.cursor_seq) < (e.feed_txid, e.seq))""")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
