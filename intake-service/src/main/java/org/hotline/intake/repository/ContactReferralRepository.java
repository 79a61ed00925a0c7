package org.hotline.intake.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.contracts.events.ReferralIssued;
import org.hotline.contracts.events.ReferralOutcomeRecorded;
import org.hotline.contracts.vocabulary.ReferralOutcome;
import org.hotline.intake.ContactReferral;

@ApplicationScoped
public class ContactReferralRepository implements PanacheRepositoryBase<ContactReferral, UUID> {

    /** Keeps the referral once; the same referral issued again (a re-sent event) changes nothing. */
    public void keep(ReferralIssued issued) {
        getEntityManager().createNativeQuery("""
                INSERT INTO contact_referral (referral_id, reference, organization_id, law_enforcement, consent_basis,
                    issued_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (referral_id) DO NOTHING""")
                .setParameter(1, issued.referralId()).setParameter(2, issued.reference())
                .setParameter(3, issued.organizationId()).setParameter(4, issued.lawEnforcement())
                .setParameter(5, issued.consentBasis().name()).setParameter(6, issued.issuedAt())
                .executeUpdate();
    }

    /**
     * Keeps a partner's outcome on its referral when it is newer than the one kept (a late or re-sent event never
     * wins); whether it changed anything.
     */
    public boolean recordOutcome(ReferralOutcomeRecorded recorded) {
        return getEntityManager().createNativeQuery("""
                UPDATE contact_referral SET outcome = ?1, outcome_at = ?2
                WHERE referral_id = ?3 AND (outcome_at IS NULL OR outcome_at < ?2)""")
                .setParameter(1, recorded.outcome().name()).setParameter(2, recorded.recordedAt())
                .setParameter(3, recorded.referralId()).executeUpdate() > 0;
    }

    /** A referral of one of a case's signals, with the latest outcome the partner reported (null: none yet). */
    public record OfCase(UUID referralId, String reference, UUID organizationId, boolean lawEnforcement,
            Instant issuedAt, ReferralOutcome outcome, Instant outcomeAt) {
    }

    /** The referrals of the case's signals, oldest first. */
    @SuppressWarnings("unchecked")
    public List<OfCase> ofCase(UUID caseId) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT r.referral_id, r.reference, r.organization_id, r.law_enforcement, r.issued_at, r.outcome,
                    r.outcome_at
                FROM contact_referral r JOIN contact c ON c.reference = r.reference
                    JOIN case_signal s ON s.contact_id = c.id
                WHERE s.case_id = ?1 ORDER BY r.issued_at, r.referral_id""").setParameter(1, caseId).getResultList();
        List<OfCase> found = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            found.add(new OfCase((UUID) row[0], (String) row[1], (UUID) row[2], (Boolean) row[3], instant(row[4]),
                    row[5] == null ? null : ReferralOutcome.valueOf((String) row[5]), instant(row[6])));
        }
        return found;
    }

    private static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return ((java.time.OffsetDateTime) value).toInstant();
    }
}
