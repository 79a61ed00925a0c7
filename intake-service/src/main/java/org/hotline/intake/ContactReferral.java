package org.hotline.intake;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hotline.contracts.vocabulary.ConsentBasis;

/**
 * A referral routing issued for a contact, as intake keeps it (from {@code hotline.referral.issued}): which partner
 * organisation was referred the contact, and whether as law enforcement and on what consent basis. It decides which
 * partner may ask intake for the contact's details. No personal data.
 */
@Entity
@Table(name = "contact_referral")
public class ContactReferral {

    @Id
    @Column(name = "referral_id")
    private UUID referralId;

    @Column(nullable = false, columnDefinition = "text")
    private String reference;

    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    @Column(name = "law_enforcement", nullable = false)
    private boolean lawEnforcement;

    @Enumerated(EnumType.STRING)
    @Column(name = "consent_basis", nullable = false, columnDefinition = "text")
    private ConsentBasis consentBasis;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    protected ContactReferral() {
    }

    public UUID referralId() {
        return referralId;
    }

    public String reference() {
        return reference;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public boolean lawEnforcement() {
        return lawEnforcement;
    }

    public ConsentBasis consentBasis() {
        return consentBasis;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    /**
     * Whether the reporter's consent covers this partner: a law-enforcement referral needs the reporter's own consent
     * to law enforcement (not a mandated-reporting or danger override, which lets routing refer without consent but
     * never opens the reporter's words), any other partner the consent to share with the partners referred to.
     */
    public boolean consentCovers(Contact contact) {
        if (lawEnforcement) {
            return consentBasis == ConsentBasis.REPORTER_CONSENT && contact.consentToLawEnforcement();
        }
        return contact.consentToShareWithPartners();
    }
}
