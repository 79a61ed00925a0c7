package org.hotline.intake.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hotline.intake.Contact;
import org.hotline.intake.ContactReferral;
import org.hotline.intake.PersonalData;
import org.hotline.intake.repository.ContactReferralRepository;
import org.hotline.intake.repository.ContactRepository;
import org.hotline.platform.problem.ProblemException;

/**
 * A partner opening the contact details of a referral made to it: only its own organisation's referrals (others
 * answer 404 as if unknown), and only where the reporter's consent covers that partner (else 403: the partner keeps
 * the referral's minimum it already has from routing). Every read is recorded in the audit trail like a staff read
 * ({@code referral.contact.view}), and so is every refused attempt on a known referral
 * ({@code referral.contact.refused}), each committed before the answer leaves.
 */
@ApplicationScoped
public class PartnerContactDetails {

    /** What the partner may see: the description or summary, the reporter's identity and the callback. */
    public record Opened(String reference, ContactReferral referral, PersonalData data, boolean purged) {
    }

    private enum Refusal { NOT_THEIRS, NO_CONSENT }

    private record Attempt(Opened opened, Refusal refusal) {
    }

    private final ContactReferralRepository referrals;
    private final ContactRepository contacts;
    private final PersonalDataVault vault;
    private final PersonalDataAudit audit;

    public PartnerContactDetails(ContactReferralRepository referrals, ContactRepository contacts,
            PersonalDataVault vault, PersonalDataAudit audit) {
        this.referrals = referrals;
        this.contacts = contacts;
        this.vault = vault;
        this.audit = audit;
    }

    /**
     * @param organization the partner's organisation, from its token
     * @throws ProblemException 404 unknown or another organisation's referral, 403 without the reporter's consent
     */
    public Opened open(UUID referralId, UUID organization) {
        Attempt attempt = QuarkusTransaction.requiringNew().call(() -> {
            Optional<ContactReferral> found = referrals.findByIdOptional(referralId);
            if (found.isEmpty()) {
                return new Attempt(null, Refusal.NOT_THEIRS);
            }
            ContactReferral referral = found.get();
            Optional<Contact> contact = contacts.findByReference(referral.reference());
            if (!referral.organizationId().equals(organization) || contact.isEmpty()) {
                if (contact.isPresent()) {
                    audit.recordRead(referral.reference(), "referral.contact.refused");
                }
                return new Attempt(null, Refusal.NOT_THEIRS);
            }
            if (!referral.consentCovers(contact.get())) {
                audit.recordRead(referral.reference(), "referral.contact.refused");
                return new Attempt(null, Refusal.NO_CONSENT);
            }
            audit.recordRead(referral.reference(), "referral.contact.view");
            Contact c = contact.get();
            return new Attempt(new Opened(c.reference(), referral, vault.open(c.id(), c.sealedPersonalData()),
                    c.purgedAt() != null), null);
        });
        if (attempt.refusal() == Refusal.NOT_THEIRS) {
            // The same answer for an unknown referral and another organisation's: nothing says which ids exist.
            throw ProblemException.notFound("Referral " + referralId);
        }
        if (attempt.refusal() == Refusal.NO_CONSENT) {
            throw new ProblemException(403, "no-consent", "No consent to share",
                    "The reporter did not consent to their details going to your organisation; the referral's "
                            + "summary in your inbox is what may be shared");
        }
        return attempt.opened();
    }
}
