package org.hotline.intake.form;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotline.intake.config.IntakeConfig;

/**
 * Anti-forgery tokens for the tip form (signed double submit): the browser gets a random nonce in a
 * {@code SameSite=Strict} cookie and its HMAC in a hidden field. Another site can neither read the cookie nor forge the
 * HMAC without the key, so a cross-site post is refused.
 */
@ApplicationScoped
public class FormTokens {

    public static final String COOKIE = "hotline_form";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;

    public FormTokens(IntakeConfig config) {
        this.key = config.form().csrfSecret().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            return random;
        });
    }

    /** A fresh nonce for the cookie. */
    public String nonce() {
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        return BASE64.encodeToString(nonce);
    }

    /**
     * A fresh key for one rendering of the tip form: posted with it, it makes a double click or a reload of the post
     * file the tip once (it becomes the submission's idempotency key).
     */
    public String submissionKey() {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        return BASE64.encodeToString(key);
    }

    /** Whether a posted submission key is one {@link #submissionKey()} could have made. */
    public static boolean wellFormedSubmissionKey(String key) {
        return key != null && key.matches("[A-Za-z0-9_-]{22}");
    }

    /** The token for the hidden field that goes with a nonce. */
    public String tokenFor(String nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return BASE64.encodeToString(mac.doFinal(nonce.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public boolean valid(String nonce, String token) {
        if (nonce == null || token == null || nonce.length() > 100 || token.length() > 100) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(nonce).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }
}
