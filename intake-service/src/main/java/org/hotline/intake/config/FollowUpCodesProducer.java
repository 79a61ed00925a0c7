package org.hotline.intake.config;

import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.hotline.intake.FollowUpCodes;
import org.hotline.intake.service.KeyEncryptionKeys;

/**
 * Follow-up code keys derived from the same key-encryption keys as the envelope encryption: rotating the KEK
 * ({@code hotline.intake.encryption.current-key}) rotates them, and every configured KEK still checks the codes
 * hashed under it.
 */
public class FollowUpCodesProducer {

    @Produces
    @Singleton
    FollowUpCodes followUpCodes(KeyEncryptionKeys keks) {
        Map<String, byte[]> keys = new TreeMap<>();
        for (String id : keks.keyIds()) {
            keys.put(id, keks.derive(id, FollowUpCodes.PURPOSE).orElseThrow());
        }
        return new FollowUpCodes(keys, keks.currentKeyId(),
                keks.derive(keks.currentKeyId(), FollowUpCodes.FORM_PURPOSE).orElseThrow());
    }
}
