package org.hotline.intake;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;

/** Information an anonymous reporter added to their tip, with the code they were given. */
@Entity
@Table(name = "tip_message")
public class TipMessage {

    @Id
    private UUID id;

    @Column(name = "contact_id", nullable = false)
    private UUID contactId;

    /** The reporter's text, sealed with the tip's data key (PersonalDataVault). */
    @Column(name = "sealed_message")
    private byte[] sealedMessage;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Set<Indicator> indicators;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Set<Need> needs;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected TipMessage() {
    }

    public TipMessage(UUID contactId, Set<Indicator> indicators, Set<Need> needs, Instant receivedAt) {
        this.id = UUID.randomUUID();
        this.contactId = contactId;
        this.indicators = Set.copyOf(indicators);
        this.needs = Set.copyOf(needs);
        this.receivedAt = receivedAt;
    }

    public UUID id() {
        return id;
    }

    public UUID contactId() {
        return contactId;
    }

    public byte[] sealedMessage() {
        return sealedMessage == null ? null : sealedMessage.clone();
    }

    public void sealMessage(byte[] sealed) {
        this.sealedMessage = sealed.clone();
    }

    public Set<Indicator> indicators() {
        return indicators;
    }

    public Set<Need> needs() {
        return needs;
    }

    public Instant receivedAt() {
        return receivedAt;
    }
}
