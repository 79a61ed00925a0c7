package org.hotline.intake.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.intake.Contact;
import org.hotline.intake.FollowUpCodes;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID> {

    public Optional<Contact> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    public Optional<Contact> findByIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    /** Stores a new keyed hash of a contact's follow-up code (after a rotation, or in place of a bcrypt hash). */
    public void replaceFollowUpCode(UUID contactId, FollowUpCodes.Hashed hashed) {
        findByIdOptional(contactId).ifPresent(contact -> contact.replaceFollowUpCode(hashed));
    }

    /** How many follow-up codes are hashed under each key-encryption key's derived key ("bcrypt" for legacy ones). */
    @SuppressWarnings("unchecked")
    public Map<String, Long> countFollowUpCodesByKey() {
        Map<String, Long> counts = new TreeMap<>();
        for (Object[] row : (List<Object[]>) getEntityManager().createNativeQuery("SELECT coalesce(follow_up_code_key, "
                + "'bcrypt'), count(*) FROM contact WHERE follow_up_code_mac IS NOT NULL OR follow_up_code_hash IS NOT "
                + "NULL GROUP BY 1").getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** Closed contacts whose personal data is still there, closed before {@code cutoff}; locked, skipping others'. */
    @SuppressWarnings("unchecked")
    public List<Contact> lockClosedUnpurgedBefore(Instant cutoff, int limit) {
        return getEntityManager().createNativeQuery("SELECT * FROM contact WHERE closed_at < :cutoff "
                + "AND purged_at IS NULL ORDER BY closed_at LIMIT :limit FOR UPDATE SKIP LOCKED", Contact.class)
                .setParameter("cutoff", cutoff).setParameter("limit", limit).getResultList();
    }
}
