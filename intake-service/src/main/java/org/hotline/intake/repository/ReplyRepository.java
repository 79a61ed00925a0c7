package org.hotline.intake.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.intake.Reply;

@ApplicationScoped
public class ReplyRepository implements PanacheRepositoryBase<Reply, UUID> {

    /** A contact's replies, oldest first. */
    public List<Reply> forContact(UUID contactId) {
        return list("contactId = ?1 ORDER BY createdAt, id", contactId);
    }

    public long countForContact(UUID contactId) {
        return count("contactId", contactId);
    }

    /** Drops the sealed texts of a contact's replies (already unreadable once its key is shredded). */
    public void clearSealedTexts(UUID contactId) {
        update("sealedText = null where contactId = ?1", contactId);
    }
}
