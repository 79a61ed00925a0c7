package org.hotline.intake;

import java.security.SecureRandom;

import org.hotline.contracts.vocabulary.ContactKind;

/**
 * Contact references such as {@code TIP-7K3M9Q2XH4}: a kind prefix and ten Crockford base-32 characters (50 random
 * bits), easy to read out on the phone, without I, L, O or U to confuse, and not guessable from one another.
 */
public final class References {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private References() {
    }

    public static String next(ContactKind kind) {
        return next(kind.name());
    }

    /** A case's reference, {@code CASE-} and ten characters like a contact's. */
    public static String nextCase() {
        return next("CASE");
    }

    private static String next(String prefix) {
        StringBuilder reference = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 10; i++) {
            reference.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return reference.toString();
    }
}
