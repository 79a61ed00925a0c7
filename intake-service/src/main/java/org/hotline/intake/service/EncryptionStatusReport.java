package org.hotline.intake.service;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.intake.repository.ContactKeyRepository;
import org.hotline.intake.repository.ContactRepository;

/**
 * Which key-encryption keys are still in use: how many data keys each wraps and how many follow-up codes are hashed
 * under each. An old key can leave the configuration once both counts are zero for it.
 */
@ApplicationScoped
public class EncryptionStatusReport {

    private final KeyEncryptionKeys keks;
    private final ContactKeyRepository contactKeys;
    private final ContactRepository contacts;

    public EncryptionStatusReport(KeyEncryptionKeys keks, ContactKeyRepository contactKeys,
            ContactRepository contacts) {
        this.keks = keks;
        this.contactKeys = contactKeys;
        this.contacts = contacts;
    }

    /** The keys in use now, counted in one transaction. */
    public record KeysInUse(String currentKey, Map<String, Long> dataKeysByKey, Map<String, Long> followUpCodesByKey) {
    }

    @Transactional
    public KeysInUse current() {
        return new KeysInUse(keks.currentKeyId(), contactKeys.countByKek(), contacts.countFollowUpCodesByKey());
    }
}
