package org.hotline.intake.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.intake.ContactNote;

@ApplicationScoped
public class ContactNoteRepository implements PanacheRepositoryBase<ContactNote, UUID> {

    /** A contact's notes, oldest first. */
    public List<ContactNote> forContact(UUID contactId) {
        return find("contactId = ?1 order by createdAt, id", contactId).list();
    }

    /** Drops the sealed texts of a contact's notes (already unreadable once its key is shredded). */
    public void clearSealedTexts(UUID contactId) {
        getEntityManager().createNativeQuery("UPDATE contact_note SET sealed_text = NULL WHERE contact_id = ?1")
                .setParameter(1, contactId).executeUpdate();
    }
}
