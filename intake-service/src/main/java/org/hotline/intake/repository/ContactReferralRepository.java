package org.hotline.intake.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.contracts.events.ReferralIssued;
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
}
