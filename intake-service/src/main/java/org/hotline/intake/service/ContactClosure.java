package org.hotline.intake.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.intake.Contact;
import org.hotline.intake.repository.ContactRepository;
import org.hotline.platform.problem.ProblemException;

/** Staff close a contact when nothing more is owed on it; that starts the retention period of its personal data. */
@ApplicationScoped
public class ContactClosure {

    private final ContactRepository contacts;
    private final Clock clock;

    public ContactClosure(ContactRepository contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    /** Closes the contact; closing it again changes nothing and answers the first closure. */
    @Transactional
    public Contact close(String reference) {
        Contact contact = contacts.findByReference(reference)
                .orElseThrow(() -> ProblemException.notFound("Contact " + reference));
        contact.close(Instant.now(clock));
        return contact;
    }
}
