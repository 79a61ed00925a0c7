package org.hotline.routing.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.routing.WebhookSubscription;

@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    public List<WebhookSubscription> ofOrganization(UUID organizationId) {
        return list("organizationId = ?1 order by createdAt, id", organizationId);
    }

    public long countOfOrganization(UUID organizationId) {
        return count("organizationId = ?1 and status <> ?2", organizationId, WebhookSubscription.Status.DISABLED);
    }

    /** Whether the organisation has a subscription that is not disabled: only then are its events kept for delivery. */
    public boolean anyLive(UUID organizationId) {
        // Asked once per referral, inside the decision's transaction: flushing first would dirty-check the decision
        // (its JSON columns serialised for the comparison) on every referral, and nothing that transaction writes is
        // a subscription.
        return !getEntityManager().createQuery("""
                SELECT 1 FROM WebhookSubscription s
                WHERE s.organizationId = :organization AND s.status <> :disabled""")
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("organization", organizationId)
                .setParameter("disabled", WebhookSubscription.Status.DISABLED)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    public WebhookSubscription findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Leases up to {@code limit} live subscriptions whose next attempt is due and that no instance holds: rows another
     * instance is claiming are skipped ({@code FOR UPDATE SKIP LOCKED}), not waited for. Returns their ids.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> claimDue(Instant now, int limit, UUID token, Instant leasedUntil) {
        return getEntityManager().createNativeQuery("""
                UPDATE webhook_subscription SET lease_token = :token, leased_until = :until
                WHERE id IN (SELECT id FROM webhook_subscription
                             WHERE status <> 'DISABLED' AND next_attempt_at <= :now
                               AND (leased_until IS NULL OR leased_until < :now)
                             ORDER BY next_attempt_at
                             LIMIT :limit
                             FOR UPDATE SKIP LOCKED)
                RETURNING id""", UUID.class)
                .setParameter("token", token)
                .setParameter("until", leasedUntil)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** Delivered (or skipped: a type it did not ask for): the cursor moves past the event; false if the lease is lost. */
    public boolean advance(UUID id, UUID token, long txid, long seq, Instant now, Instant leasedUntil) {
        return getEntityManager().createNativeQuery("""
                UPDATE webhook_subscription
                SET cursor_txid = :txid, cursor_seq = :seq, attempt = 0, failing_since = NULL, status = 'ACTIVE',
                    leased_until = :until, updated_at = :now
                WHERE id = :id AND lease_token = :token AND status <> 'DISABLED'""")
                .setParameter("txid", txid).setParameter("seq", seq).setParameter("until", leasedUntil)
                .setParameter("now", now).setParameter("id", id).setParameter("token", token)
                .executeUpdate() == 1;
    }

    /** A failed attempt at the first undelivered event: when to try again, and whether the subscription is failing. */
    public boolean retryLater(UUID id, UUID token, int attempt, Instant failingSince, boolean failing,
            Instant nextAttemptAt, Instant now) {
        return getEntityManager().createNativeQuery("""
                UPDATE webhook_subscription
                SET attempt = :attempt, failing_since = :since, status = :status, next_attempt_at = :next,
                    lease_token = NULL, leased_until = NULL, updated_at = :now
                WHERE id = :id AND lease_token = :token AND status <> 'DISABLED'""")
                .setParameter("attempt", attempt).setParameter("since", failingSince)
                .setParameter("status", failing ? "FAILING" : "ACTIVE").setParameter("next", nextAttemptAt)
                .setParameter("now", now).setParameter("id", id).setParameter("token", token)
                .executeUpdate() == 1;
    }

    /** The endpoint answered 410 Gone: nothing more is sent. */
    public boolean disable(UUID id, UUID token, String reason, Instant now) {
        return getEntityManager().createNativeQuery("""
                UPDATE webhook_subscription
                SET status = 'DISABLED', disabled_reason = :reason, lease_token = NULL, leased_until = NULL,
                    updated_at = :now
                WHERE id = :id AND lease_token = :token""")
                .setParameter("reason", reason).setParameter("now", now).setParameter("id", id)
                .setParameter("token", token)
                .executeUpdate() == 1;
    }

    /** Gives the lease back; the subscription is due again at {@code nextAttemptAt}. */
    public void release(UUID id, UUID token, Instant nextAttemptAt) {
        getEntityManager().createNativeQuery("""
                UPDATE webhook_subscription SET lease_token = NULL, leased_until = NULL, next_attempt_at = :next
                WHERE id = :id AND lease_token = :token""")
                .setParameter("next", nextAttemptAt).setParameter("id", id).setParameter("token", token)
                .executeUpdate();
    }

    public long countFailing() {
        return count("status", WebhookSubscription.Status.FAILING);
    }
}
