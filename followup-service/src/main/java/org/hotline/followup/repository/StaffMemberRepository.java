package org.hotline.followup.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import org.hotline.followup.StaffMember;

@ApplicationScoped
public class StaffMemberRepository implements PanacheRepositoryBase<StaffMember, String> {

    /** Records the name a staff member's token gave; safe when two instances see the same person at once. */
    public void upsert(String subject, String displayName, Instant seenAt) {
        getEntityManager().createNativeQuery("""
                INSERT INTO staff_member (subject, display_name, last_seen_at) VALUES (?1, ?2, ?3)
                ON CONFLICT (subject) DO UPDATE SET display_name = EXCLUDED.display_name,
                    last_seen_at = EXCLUDED.last_seen_at""")
                .setParameter(1, subject).setParameter(2, displayName).setParameter(3, seenAt)
                .executeUpdate();
    }

    /** Everyone seen, by name. */
    public List<StaffMember> byName() {
        return listAll(Sort.by("displayName").and("subject"));
    }
}
