package org.hotline.intake;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A staff member's reply to the anonymous reporter of a tip, which the reporter reads with their follow-up code. The
 * text is personal data (it answers what the reporter told us): sealed with the tip's data key, like its messages.
 */
@Entity
@Table(name = "reply")
public class Reply {

    @Id
    private UUID id;

    @Column(name = "contact_id", nullable = false)
    private UUID contactId;

    /** The staff member (the token's subject). */
    @Column(nullable = false, columnDefinition = "text")
    private String author;

    /** The text, sealed by PersonalDataVault; null once the contact's personal data is purged. */
    @Column(name = "sealed_text")
    private byte[] sealedText;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Reply() {
    }

    public Reply(UUID contactId, String author, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.contactId = contactId;
        this.author = author;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public UUID contactId() {
        return contactId;
    }

    public String author() {
        return author;
    }

    public byte[] sealedText() {
        return sealedText == null ? null : sealedText.clone();
    }

    public void sealText(byte[] sealed) {
        this.sealedText = sealed.clone();
    }

    public Instant createdAt() {
        return createdAt;
    }
}
