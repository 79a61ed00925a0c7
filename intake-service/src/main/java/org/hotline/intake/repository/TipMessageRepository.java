package org.hotline.intake.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.intake.TipMessage;

@ApplicationScoped
public class TipMessageRepository implements PanacheRepositoryBase<TipMessage, UUID> {

    /** A tip's added messages, oldest first. */
    public List<TipMessage> forContact(UUID contactId) {
        return find("contactId = ?1 order by receivedAt, id", contactId).list();
    }

    public long countForContact(UUID contactId) {
        return count("contactId", contactId);
    }

    /** Drops the sealed texts of a contact's messages (already unreadable once its key is shredded). */
    public void clearSealedMessages(UUID contactId) {
        update("sealedMessage = null where contactId = ?1", contactId);
    }
}
