package org.hotline.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hotline.intake.Contact;
import org.hotline.intake.ContactNote;
import org.hotline.intake.repository.ContactNoteRepository;
import org.hotline.intake.repository.ContactRepository;
import org.hotline.platform.problem.ProblemException;

/**
 * Staff notes on a contact: appended, never changed; the author is the token's subject, the text sealed with the
 * contact's data key. Writing and reading are both recorded in the audit trail, in the same transaction.
 */
@ApplicationScoped
public class ContactNotes {

    private final ContactRepository contacts;
    private final ContactNoteRepository notes;
    private final PersonalDataVault vault;
    private final PersonalDataAudit audit;
    private final SecurityIdentity identity;
    private final Clock clock;

    public ContactNotes(ContactRepository contacts, ContactNoteRepository notes, PersonalDataVault vault,
            PersonalDataAudit audit, SecurityIdentity identity, Clock clock) {
        this.contacts = contacts;
        this.notes = notes;
        this.vault = vault;
        this.audit = audit;
        this.identity = identity;
        this.clock = clock;
    }

    /** A note as staff read it; {@code text} is null once the contact's personal data was shredded. */
    public record Opened(String author, Instant createdAt, String text) {

        @Override
        public String toString() {
            return "Opened[" + author + ", " + createdAt + ", text redacted]";
        }
    }

    @Transactional
    public Opened add(String reference, String text) {
        Contact contact = find(reference);
        ContactNote note = new ContactNote(contact.id(), author(), Instant.now(clock));
        note.sealText(vault.sealNote(contact.id(), note.id(), text));
        notes.persist(note);
        audit.recordRead(reference, "contact.note.add");
        return new Opened(note.author(), note.createdAt(), text);
    }

    /** The contact's notes, oldest first. */
    @Transactional
    public List<Opened> of(String reference) {
        Contact contact = find(reference);
        audit.recordRead(reference, "contact.notes.view");
        return notes.forContact(contact.id()).stream()
                .map(n -> new Opened(n.author(), n.createdAt(), vault.openNote(contact.id(), n.id(), n.sealedText())))
                .toList();
    }

    private Contact find(String reference) {
        return contacts.findByReference(reference)
                .orElseThrow(() -> ProblemException.notFound("Contact " + reference));
    }

    /** The token's subject ({@code sub}); the principal's name for a token without one. */
    private String author() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }
}
