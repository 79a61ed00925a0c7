package org.hotline.followup;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A staff member this service has seen: the token subject and the display name the token gave. */
@Entity
@Table(name = "staff_member")
public class StaffMember {

    @Id
    @Column(columnDefinition = "text")
    private String subject;

    @Column(name = "display_name", nullable = false, columnDefinition = "text")
    private String displayName;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    protected StaffMember() {
    }

    public String subject() {
        return subject;
    }

    public String displayName() {
        return displayName;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }
}
