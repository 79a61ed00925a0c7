package org.hotline.intake.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.intake.Contact;
import org.hotline.intake.repository.ContactRepository;
import org.hotline.intake.repository.TipMessageRepository;
import org.hotline.platform.problem.ProblemException;

/**
 * What an anonymous reporter added to their tip, opened for staff: every read is recorded in the audit trail in the
 * same transaction (a read that cannot be recorded fails). A call has none.
 */
@ApplicationScoped
public class ContactMessages {

    private final ContactRepository contacts;
    private final TipMessageRepository messages;
    private final PersonalDataVault vault;
    private final PersonalDataAudit audit;

    public ContactMessages(ContactRepository contacts, TipMessageRepository messages, PersonalDataVault vault,
            PersonalDataAudit audit) {
        this.contacts = contacts;
        this.messages = messages;
        this.vault = vault;
        this.audit = audit;
    }

    /** A message as staff read it; {@code text} is null once the contact's personal data was shredded. */
    public record Opened(Instant receivedAt, String text) {

        @Override
        public String toString() {
            return "Opened[" + receivedAt + ", text redacted]";
        }
    }

    /** The contact's added messages, oldest first. */
    @Transactional
    public List<Opened> of(String reference) {
        Contact contact = contacts.findByReference(reference)
                .orElseThrow(() -> ProblemException.notFound("Contact " + reference));
        audit.recordRead(reference, "contact.messages.view");
        return messages.forContact(contact.id()).stream()
                .map(m -> new Opened(m.receivedAt(), vault.openMessage(contact.id(), m.id(), m.sealedMessage())))
                .toList();
    }
}
