package org.hotline.routing;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A webhook signing secret in the Standard Webhooks format: {@code whsec_} + base64 of 32 random bytes; the bytes are
 * the HMAC key. Never logged ({@link #toString()} says so).
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        this.key = key.clone();
    }

    public static WebhookSecret generate(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return new WebhookSecret(key);
    }

    /** The secret from its HMAC key bytes (as unsealed from the database). */
    public static WebhookSecret ofKey(byte[] key) {
        if (key.length < 24 || key.length > 64) {
            throw new IllegalArgumentException("A webhook secret has 24 to 64 bytes, not " + key.length);
        }
        return new WebhookSecret(key);
    }

    /** The secret as a partner copies it: {@code whsec_<base64>}. */
    public static WebhookSecret parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A webhook secret starts with " + PREFIX);
        }
        return ofKey(Base64.getDecoder().decode(text.substring(PREFIX.length())));
    }

    public byte[] key() {
        return key.clone();
    }

    /** What the partner is shown once, when the secret is made. */
    public String encoded() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret that && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "WebhookSecret[redacted]";
    }
}
