package org.hotline.intake.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hotline.intake.ContactKey;
import org.hotline.intake.PersonalData;
import org.hotline.intake.repository.ContactKeyRepository;

/**
 * Seals personal data before it is stored and opens it for an authorised read. Envelope encryption: each contact has
 * its own AES-256 data key, kept only wrapped by a key-encryption key (see KeyEncryptionKeys); shredding a contact
 * deletes that key, after which its sealed data is noise. Callers run inside a transaction.
 */
@ApplicationScoped
public class PersonalDataVault {

    private final ContactKeyRepository contactKeys;
    private final KeyEncryptionKeys keks;
    private final ObjectMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataVault(ContactKeyRepository contactKeys, KeyEncryptionKeys keks, ObjectMapper json,
            Clock clock) {
        this.contactKeys = contactKeys;
        this.keks = keks;
        this.json = json;
        this.clock = clock;
    }

    /** Seals a contact's personal data, creating the contact's data key on first use. */
    @Transactional(Transactional.TxType.MANDATORY)
    public byte[] seal(UUID contactId, PersonalData data) {
        try {
            return seal(contactId, "personal-data", json.writeValueAsBytes(data));
        } catch (IOException e) {
            throw new IllegalStateException("Personal data cannot be written as JSON", e);
        }
    }

    /** The personal data of a contact; {@link PersonalData#SHREDDED} once its key is gone or nothing was sealed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PersonalData open(UUID contactId, byte[] sealed) {
        byte[] plain = open(contactId, "personal-data", sealed);
        if (plain == null) {
            return PersonalData.SHREDDED;
        }
        try {
            return json.readValue(plain, PersonalData.class);
        } catch (IOException e) {
            throw new IllegalStateException("Sealed personal data of a contact is not valid JSON", e);
        }
    }

    /** Seals a message an anonymous reporter added; bound to the message's id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public byte[] sealMessage(UUID contactId, UUID messageId, String text) {
        return seal(contactId, "message:" + messageId, text.getBytes(StandardCharsets.UTF_8));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public String openMessage(UUID contactId, UUID messageId, byte[] sealed) {
        byte[] plain = open(contactId, "message:" + messageId, sealed);
        return plain == null ? null : new String(plain, StandardCharsets.UTF_8);
    }

    /** Seals a staff note on a contact; bound to the note's id, so a note's text cannot be moved to another. */
    @Transactional(Transactional.TxType.MANDATORY)
    public byte[] sealNote(UUID contactId, UUID noteId, String text) {
        return seal(contactId, "note:" + noteId, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A staff note's text; null once the contact's key is shredded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String openNote(UUID contactId, UUID noteId, byte[] sealed) {
        byte[] plain = open(contactId, "note:" + noteId, sealed);
        return plain == null ? null : new String(plain, StandardCharsets.UTF_8);
    }

    /** Seals a staff reply to a tip's reporter; bound to the reply's id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public byte[] sealReply(UUID contactId, UUID replyId, String text) {
        return seal(contactId, "reply:" + replyId, text.getBytes(StandardCharsets.UTF_8));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public String openReply(UUID contactId, UUID replyId, byte[] sealed) {
        byte[] plain = open(contactId, "reply:" + replyId, sealed);
        return plain == null ? null : new String(plain, StandardCharsets.UTF_8);
    }

    /** Deletes the contact's data key: whatever was sealed for it can never be opened again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void shred(UUID contactId) {
        contactKeys.deleteById(contactId);
    }

    private byte[] seal(UUID contactId, String field, byte[] plaintext) {
        byte[] dataKey = dataKeyFor(contactId);
        try {
            return Aead.seal(new SecretKeySpec(dataKey, "AES"), plaintext, associatedData(contactId, field), random);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private byte[] open(UUID contactId, String field, byte[] sealed) {
        if (sealed == null) {
            return null;
        }
        ContactKey key = contactKeys.findById(contactId);
        if (key == null) {
            return null;
        }
        byte[] dataKey = keks.unwrap(key.kekId(), contactId, key.wrappedKey());
        try {
            return Aead.open(new SecretKeySpec(dataKey, "AES"), sealed, associatedData(contactId, field));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealed data of a contact fails its integrity check (field " + field + ")",
                    e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private byte[] dataKeyFor(UUID contactId) {
        ContactKey existing = contactKeys.findById(contactId);
        if (existing != null) {
            return keks.unwrap(existing.kekId(), contactId, existing.wrappedKey());
        }
        byte[] dataKey = keks.newDataKey();
        contactKeys.persist(new ContactKey(contactId, keks.currentKeyId(), keks.wrap(contactId, dataKey),
                Instant.now(clock)));
        return dataKey;
    }

    private static byte[] associatedData(UUID contactId, String field) {
        return ("hotline-contact:" + contactId + ":" + field).getBytes(StandardCharsets.UTF_8);
    }
}
