package org.hotline.routing.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotline.platform.problem.ProblemException;
import org.hotline.routing.WebhookSecret;
import org.hotline.routing.config.RoutingConfig;

/**
 * Seals webhook signing secrets at rest with AES-256-GCM (random 96-bit nonce, 128-bit tag; the same sealed format as
 * intake's personal data) under a configured key, the associated data binding each sealed secret to its key id, its
 * subscription and its slot, so a sealed value cannot be moved to another row unnoticed. Keys come from configuration
 * ({@code hotline.routing.webhooks.encryption}) and never reach the database, messages or logs.
 */
@ApplicationScoped
public class WebhookSecretSealer {

    private static final byte FORMAT_VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    /** A sealed secret and the id of the key that sealed it. */
    public record Sealed(String keyId, byte[] bytes) {
    }

    private final Map<String, SecretKeySpec> keys = new TreeMap<>();
    private final Optional<String> currentKeyId;
    private final SecureRandom random = new SecureRandom();

    public WebhookSecretSealer(RoutingConfig config) {
        RoutingConfig.Webhooks.Encryption encryption = config.webhooks().encryption();
        encryption.keys().forEach((id, base64) -> keys.put(id, decode(id, base64)));
        this.currentKeyId = encryption.currentKey().map(String::strip).filter(id -> !id.isEmpty());
        if (currentKeyId.isPresent() && !keys.containsKey(currentKeyId.get())) {
            throw new IllegalStateException("hotline.routing.webhooks.encryption.current-key names key '"
                    + currentKeyId.get() + "', which is not among hotline.routing.webhooks.encryption.keys "
                    + keys.keySet());
        }
    }

    /** Whether secrets can be sealed (a current key is configured). */
    public boolean available() {
        return currentKeyId.isPresent();
    }

    /** 503 problem unless a current key is configured. */
    public void requireAvailable() {
        if (currentKeyId.isEmpty()) {
            throw new ProblemException(503, "webhooks-unavailable", "Webhooks unavailable",
                    "Webhook secrets cannot be sealed: no hotline.routing.webhooks.encryption key is configured");
        }
    }

    /** Seals under the current key; 503 problem when none is configured. */
    public Sealed seal(UUID subscriptionId, String slot, WebhookSecret secret) {
        requireAvailable();
        String keyId = currentKeyId.get();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] plaintext = secret.key();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(keyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(keyId, subscriptionId, slot));
            byte[] ciphertext = cipher.doFinal(plaintext);
            return new Sealed(keyId, ByteBuffer.allocate(1 + NONCE_BYTES + ciphertext.length)
                    .put(FORMAT_VERSION).put(nonce).put(ciphertext).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            java.util.Arrays.fill(plaintext, (byte) 0);
        }
    }

    public WebhookSecret open(String keyId, UUID subscriptionId, String slot, byte[] sealed) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("A webhook secret is sealed under key '" + keyId
                    + "', which is no longer configured: add it back to hotline.routing.webhooks.encryption.keys");
        }
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT_VERSION) {
            throw new IllegalStateException("A sealed webhook secret is not of format " + FORMAT_VERSION);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData(keyId, subscriptionId, slot));
            byte[] plain = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
            try {
                return WebhookSecret.ofKey(plain);
            } finally {
                java.util.Arrays.fill(plain, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed webhook secret fails its integrity check", e);
        }
    }

    private static byte[] associatedData(String keyId, UUID subscriptionId, String slot) {
        return ("hotline-webhook-secret:" + keyId + ":" + subscriptionId + ":" + slot)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKeySpec decode(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Webhook encryption key '" + id + "' is not Base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("Webhook encryption key '" + id + "' has " + bytes.length
                    + " bytes; AES-256 needs " + KEY_BYTES + " (openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
