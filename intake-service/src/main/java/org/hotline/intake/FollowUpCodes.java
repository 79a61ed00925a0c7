package org.hotline.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Follow-up codes for anonymous reporters: 100 random bits written as four groups of five Crockford base-32
 * characters ({@code 7K3M9-Q2XH4-...}), shown once and kept only as a keyed hash: HMAC-SHA-256 of the tip's reference
 * and the code under a server-side key derived from a key-encryption key (so a leaked database reveals no code and
 * allows no offline guessing), stored with the id of that key. A 100-bit random code needs no slow password hash:
 * guessing online is throttled, and offline it would take 2^100 tries with the key. Input is read leniently (case,
 * dashes, spaces, and the look-alikes I, L, O).
 *
 * <p>Every check does the same work whether the tip exists, has a code under a configured key or not: one key lookup
 * and one HMAC, compared in constant time ({@link #work()} counts them, so a test can compare work done).
 */
public final class FollowUpCodes {

    /** The HKDF purpose of the code-hashing keys (see KeyEncryptionKeys#derive). */
    public static final String PURPOSE = "follow-up-code";
    /** The HKDF purpose of the key that derives a form submission's code from its idempotency key. */
    public static final String FORM_PURPOSE = "form-follow-up-code";

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int CODE_CHARS = 20;
    private static final int MAX_INPUT = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKeySpec> keys;
    private final String currentKeyId;
    private final SecretKeySpec formKey;
    private final byte[] decoy = new byte[32];
    private final LongAdder keyLookups = new LongAdder();
    private final LongAdder hmacs = new LongAdder();
    private final LongAdder bcryptChecks = new LongAdder();

    /**
     * @param keys         HMAC keys by the id of the key-encryption key they were derived from
     * @param currentKeyId the key new codes are hashed with
     * @param formKey      the key that turns a form submission's idempotency key and cookie into its code
     */
    public FollowUpCodes(Map<String, byte[]> keys, String currentKeyId, byte[] formKey) {
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("No follow-up code key for the current key id " + currentKeyId);
        }
        Map<String, SecretKeySpec> specs = new TreeMap<>();
        keys.forEach((id, key) -> specs.put(id, new SecretKeySpec(key, "HmacSHA256")));
        this.keys = Map.copyOf(specs);
        this.currentKeyId = currentKeyId;
        this.formKey = new SecretKeySpec(formKey, "HmacSHA256");
        RANDOM.nextBytes(decoy);
    }

    /** A code's keyed hash and the id of the key it was made with. */
    public record Hashed(String keyId, byte[] mac) {
    }

    /** Work done by checks so far, to show that every answer costs the same. */
    public record Work(long keyLookups, long hmacs, long bcryptChecks) {

        public Work minus(Work earlier) {
            return new Work(keyLookups - earlier.keyLookups, hmacs - earlier.hmacs,
                    bcryptChecks - earlier.bcryptChecks);
        }
    }

    /** A new random code. */
    public String issue() {
        byte[] bits = new byte[13];
        RANDOM.nextBytes(bits);
        return format(bits);
    }

    /**
     * The code of a form submission, derived from its per-render idempotency key and the browser's form cookie: a
     * repeated post of the same form from the same browser (a double click, a reload) gets the same code, which the
     * receipt can then show again; anyone without that cookie derives another code, which does not match.
     */
    public String issueFor(String idempotencyKey, String browserNonce) {
        return format(hmac(formKey, "form:" + idempotencyKey + "|" + browserNonce));
    }

    /** The keyed hash to store for a new code, under the current key. */
    public Hashed hash(String reference, String code) {
        return new Hashed(currentKeyId, hmac(keys.get(currentKeyId), input(reference, code)));
    }

    /** Whether a stored hash was made with the current key (else a successful check re-hashes it). */
    public boolean isCurrent(String keyId) {
        return currentKeyId.equals(keyId);
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /**
     * Whether {@code code} is the one hashed as {@code mac} under key {@code keyId} for {@code reference}. A missing hash
     * (an unknown reference, a tip without a code) or a key no longer configured is checked against a decoy with the
     * current key: the same lookup, the same HMAC, the same comparison, and never a match.
     */
    public boolean matches(String reference, String keyId, byte[] mac, String code) {
        keyLookups.increment();
        SecretKeySpec key = keyId == null ? null : keys.get(keyId);
        boolean comparable = key != null && mac != null;
        byte[] actual = hmac(comparable ? key : keys.get(currentKeyId), input(reference, code));
        boolean equal = MessageDigest.isEqual(actual, comparable ? mac : decoy);
        return equal && comparable && usable(code);
    }

    /** A hash stored before keyed hashes (bcrypt): still verified, so reporters keep their codes; then re-hashed. */
    public boolean matchesLegacyBcrypt(String hash, String code) {
        bcryptChecks.increment();
        if (!usable(code)) {
            return false;
        }
        try {
            return OpenBSDBCrypt.checkPassword(hash, normalize(code).toCharArray());
        } catch (IllegalArgumentException | IllegalStateException malformed) {
            return false;
        }
    }

    public Work work() {
        return new Work(keyLookups.sum(), hmacs.sum(), bcryptChecks.sum());
    }

    private static boolean usable(String code) {
        return code != null && code.length() <= MAX_INPUT;
    }

    /** The reference binds the hash to its tip: the same code on two tips hashes differently. */
    private static String input(String reference, String code) {
        String normalized = usable(code) ? normalize(code) : "";
        return "follow-up-code:" + reference + ":" + normalized;
    }

    private byte[] hmac(SecretKeySpec key, String input) {
        hmacs.increment();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The first 100 bits of {@code bits} as 20 Crockford base-32 characters in groups of five. */
    private static String format(byte[] bits) {
        StringBuilder code = new StringBuilder(CODE_CHARS + 3);
        for (int i = 0; i < CODE_CHARS; i++) {
            if (i > 0 && i % 5 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[fiveBits(bits, i * 5)]);
        }
        return code.toString();
    }

    private static int fiveBits(byte[] bytes, int bitOffset) {
        int value = 0;
        for (int b = bitOffset; b < bitOffset + 5; b++) {
            value = (value << 1) | ((bytes[b / 8] >> (7 - b % 8)) & 1);
        }
        return value;
    }

    /** Upper case, no separators, the Crockford look-alikes mapped to the digits they stand for. */
    static String normalize(String code) {
        return code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('I', '1').replace('L', '1').replace('O', '0');
    }
}
