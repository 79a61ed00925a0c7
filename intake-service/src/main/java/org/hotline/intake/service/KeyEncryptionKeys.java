package org.hotline.intake.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.hotline.intake.config.IntakeConfig;

/**
 * The key-encryption keys (KEKs) from configuration: they wrap and unwrap contacts' data keys and never reach the
 * database. A KMS would sit behind the same two methods. Key material never appears in messages or logs.
 */
@ApplicationScoped
public class KeyEncryptionKeys {

    private static final int KEY_BYTES = 32;

    private final Map<String, SecretKeySpec> keys = new TreeMap<>();
    private final String currentKeyId;
    private final SecureRandom random = new SecureRandom();

    public KeyEncryptionKeys(IntakeConfig config) {
        IntakeConfig.Encryption encryption = config.encryption();
        encryption.keys().forEach((id, base64) -> keys.put(id, decode(id, base64)));
        if (!keys.containsKey(encryption.currentKey())) {
            throw new IllegalStateException("hotline.intake.encryption.current-key names key '" + encryption.currentKey()
                    + "', which is not among hotline.intake.encryption.keys " + keys.keySet());
        }
        this.currentKeyId = encryption.currentKey();
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    public boolean isCurrent(String kekId) {
        return currentKeyId.equals(kekId);
    }

    /** Ids of every configured KEK. */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    /**
     * A 256-bit key for one purpose (e.g. keying follow-up code hashes), derived from KEK {@code kekId} with
     * HKDF-SHA-256 (RFC 5869) and the purpose as its info: it rotates with the KEK, yet a key derived for one purpose
     * reveals nothing of the KEK or of another purpose's key. Empty when that KEK is not configured.
     */
    public Optional<byte[]> derive(String kekId, String purpose) {
        SecretKeySpec kek = keys.get(kekId);
        if (kek == null) {
            return Optional.empty();
        }
        return Optional.of(derive(kek.getEncoded(), kekId, purpose));
    }

    /** The derivation of {@link #derive(String, String)} from a KEK's bytes (the suggestion benchmark uses it). */
    public static byte[] derive(byte[] kek, String kekId, String purpose) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(kek, null,
                ("hotline-derived:" + kekId + ":" + purpose).getBytes(StandardCharsets.UTF_8)));
        byte[] derived = new byte[KEY_BYTES];
        hkdf.generateBytes(derived, 0, KEY_BYTES);
        return derived;
    }

    /** A new random data key, AES-256. */
    public byte[] newDataKey() {
        byte[] dataKey = new byte[KEY_BYTES];
        random.nextBytes(dataKey);
        return dataKey;
    }

    /** Wraps a contact's data key with the current KEK; the contact id is bound in, so a key cannot be swapped. */
    public byte[] wrap(UUID contactId, byte[] dataKey) {
        return wrap(currentKeyId, contactId, dataKey);
    }

    /** Wraps with a named KEK; only the current one is used for new keys, the others exist to be rotated away. */
    public byte[] wrap(String kekId, UUID contactId, byte[] dataKey) {
        SecretKeySpec kek = keys.get(kekId);
        if (kek == null) {
            throw new IllegalArgumentException("No key-encryption key '" + kekId + "' is configured");
        }
        return Aead.seal(kek, dataKey, associatedData(kekId, contactId), random);
    }

    public byte[] unwrap(String kekId, UUID contactId, byte[] wrappedKey) {
        SecretKeySpec kek = keys.get(kekId);
        if (kek == null) {
            throw new IllegalStateException("A data key is wrapped by key-encryption key '" + kekId
                    + "', which is no longer configured: add it back to hotline.intake.encryption.keys");
        }
        try {
            return Aead.open(kek, wrappedKey, associatedData(kekId, contactId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A data key does not unwrap with key-encryption key '" + kekId + "'", e);
        }
    }

    private static byte[] associatedData(String kekId, UUID contactId) {
        return ("hotline-kek:" + kekId + ":contact:" + contactId).getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKeySpec decode(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Key-encryption key '" + id + "' is not Base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("Key-encryption key '" + id + "' has " + bytes.length
                    + " bytes; AES-256 needs " + KEY_BYTES + " (openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
