package org.hotline.routing.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.routing.FeedCursor;
import org.hotline.routing.Referral;

@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    /**
     * One organisation's referrals in commit order, after the cursor if there is one: ordered by the id of the
     * transaction that wrote them (then issue time and id), and only those written by a transaction below the
     * snapshot's xmin. Every transaction that could still commit has an id at or above that horizon, so nothing can
     * later appear behind a cursor this returns; a referral whose transaction is still open, or committed while an
     * older writing transaction is still open, waits for the next poll.
     */
    @SuppressWarnings("unchecked")
    public List<Referral> feed(UUID organizationId, Optional<FeedCursor> after, int limit) {
        FeedCursor from = after.orElse(new FeedCursor(-1, Instant.EPOCH, new UUID(0, 0)));
        return getEntityManager().createNativeQuery("""
                SELECT * FROM referral
                WHERE organization_id = :organization
                  AND feed_txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
                  AND (feed_txid, issued_at, referral_id) > (:txid, :issuedAt, :referralId)
                ORDER BY feed_txid, issued_at, referral_id
                LIMIT :limit""", Referral.class)
                .setParameter("organization", organizationId)
                .setParameter("txid", from.feedTxid())
                .setParameter("issuedAt", from.issuedAt())
                .setParameter("referralId", from.referralId())
                .setParameter("limit", limit)
                .getResultList();
    }

    /** The referral, locked so two acknowledgements at once cannot both publish. */
    public Optional<Referral> findForUpdate(UUID referralId) {
        return findByIdOptional(referralId, LockModeType.PESSIMISTIC_WRITE);
    }
}
