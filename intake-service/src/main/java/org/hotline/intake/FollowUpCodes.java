package org.hotline.intake;

import java.security.SecureRandom;
import java.util.Locale;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Follow-up codes for anonymous reporters: 100 random bits written as four groups of five Crockford base-32
 * characters ({@code 7K3M9-Q2XH4-...}), shown once and kept only as a bcrypt hash, so a leaked database does not
 * reveal them. Input is read leniently (case, dashes, spaces, and the look-alikes I, L, O).
 */
public final class FollowUpCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int cost;

    public FollowUpCodes(int cost) {
        this.cost = cost;
    }

    public String issue() {
        StringBuilder code = new StringBuilder(23);
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    public String hash(String code) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate(normalize(code).toCharArray(), salt, cost);
    }

    public boolean matches(String hash, String code) {
        if (hash == null || code == null || code.length() > 64) {
            return false;
        }
        return OpenBSDBCrypt.checkPassword(hash, normalize(code).toCharArray());
    }

    /** Upper case, no separators, the Crockford look-alikes mapped to the digits they stand for. */
    static String normalize(String code) {
        return code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('I', '1').replace('L', '1').replace('O', '0');
    }
}
