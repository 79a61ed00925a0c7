package org.hotline.routing.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import org.hotline.routing.FeedCursor;
import org.hotline.routing.Referral;

@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    /** One organisation's referrals in issue order (ties by id), after the cursor if there is one. */
    public List<Referral> feed(UUID organizationId, Optional<FeedCursor> after, int limit) {
        if (after.isEmpty()) {
            return find("organizationId = ?1 ORDER BY issuedAt, referralId", organizationId).page(0, limit).list();
        }
        return find("""
                organizationId = :organization
                AND (issuedAt > :issuedAt OR (issuedAt = :issuedAt AND referralId > :referralId))
                ORDER BY issuedAt, referralId""",
                Parameters.with("organization", organizationId)
                        .and("issuedAt", after.get().issuedAt())
                        .and("referralId", after.get().referralId()))
                .page(0, limit).list();
    }

    /** The referral, locked so two acknowledgements at once cannot both publish. */
    public Optional<Referral> findForUpdate(UUID referralId) {
        return findByIdOptional(referralId, LockModeType.PESSIMISTIC_WRITE);
    }
}
