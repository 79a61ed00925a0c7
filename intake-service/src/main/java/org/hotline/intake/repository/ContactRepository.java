package org.hotline.intake.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.intake.Contact;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID> {

    public Optional<Contact> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    public Optional<Contact> findByIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    /** Closed contacts whose personal data is still there, closed before {@code cutoff}; locked, skipping others'. */
    @SuppressWarnings("unchecked")
    public List<Contact> lockClosedUnpurgedBefore(Instant cutoff, int limit) {
        return getEntityManager().createNativeQuery("SELECT * FROM contact WHERE closed_at < :cutoff "
                + "AND purged_at IS NULL ORDER BY closed_at LIMIT :limit FOR UPDATE SKIP LOCKED", Contact.class)
                .setParameter("cutoff", cutoff).setParameter("limit", limit).getResultList();
    }
}
