package org.hotline.intake.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A MinHash signature of a text's word shingles (pairs of consecutive words, after lower-casing, dropping accents and a
 * few stop words of English and Spanish): {@link #SIZE} minima of keyed hashes, whose share of equal positions
 * estimates the Jaccard similarity of two texts' shingle sets. Each shingle is first hashed with HMAC-SHA-256 under a
 * secret key, so a stored signature can neither be read back nor tested against guessed phrases without that key.
 * {@link #bands} cuts a signature into {@link #BANDS} bands of {@link #ROWS} for locality-sensitive lookup: two texts
 * of similarity s share at least one band with probability 1 - (1 - s^4)^16 (about 0.64 at 0.5, 0.99 at 0.7, 0.12
 * at 0.3). Thread-safe.
 */
public final class MinHash {

    public static final int SIZE = 64;
    public static final int BANDS = 16;
    public static final int ROWS = SIZE / BANDS;

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "and", "or", "of", "to", "in", "on", "at",
            "is", "are", "was", "were", "be", "it", "that", "this", "for", "with", "el", "la", "los", "las", "un",
            "una", "y", "o", "de", "del", "en", "que", "es", "son", "por", "con", "para", "se");

    private final SecretKeySpec key;
    private final long[] seeds = new long[SIZE];

    public MinHash(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        byte[] seedBytes = hmac("minhash-seeds");
        long seed = ByteBuffer.wrap(seedBytes).getLong();
        for (int i = 0; i < SIZE; i++) {
            seed += 0x9E3779B97F4A7C15L;
            seeds[i] = mix(seed);
        }
    }

    /** A signature and the number of distinct shingles it was made of (a short text's estimate means little). */
    public record Signature(long[] minima, int shingles) {
    }

    /** The signature of {@code text}; null when it has no words to compare (nothing is then stored). */
    public long[] signature(String text) {
        Signature signed = signed(text);
        return signed == null ? null : signed.minima();
    }

    /** The signature of {@code text} with its shingle count; null when it has no words to compare. */
    public Signature signed(String text) {
        Set<String> shingles = shingles(text);
        if (shingles.isEmpty()) {
            return null;
        }
        long[] minima = new long[SIZE];
        java.util.Arrays.fill(minima, Long.MAX_VALUE);
        for (String shingle : shingles) {
            long base = ByteBuffer.wrap(hmac(shingle)).getLong();
            for (int i = 0; i < SIZE; i++) {
                long h = mix(base ^ seeds[i]);
                if (h < minima[i]) {
                    minima[i] = h;
                }
            }
        }
        return new Signature(minima, shingles.size());
    }

    /** The estimated Jaccard similarity of two signatures' texts, 0 to 1. */
    public static double similarity(long[] a, long[] b) {
        int equal = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i]) {
                equal++;
            }
        }
        return equal / (double) SIZE;
    }

    /** One hash per band of {@link #ROWS} positions; equal band hashes make two signals candidates. */
    public static long[] bands(long[] signature) {
        long[] bands = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long h = 0x51_7C_C1_B7_27_22_0A_95L + b;
            for (int r = 0; r < ROWS; r++) {
                h = mix(h ^ signature[b * ROWS + r]);
            }
            bands[b] = h;
        }
        return bands;
    }

    public static byte[] toBytes(long[] signature) {
        ByteBuffer buffer = ByteBuffer.allocate(SIZE * Long.BYTES);
        for (long value : signature) {
            buffer.putLong(value);
        }
        return buffer.array();
    }

    public static long[] fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long[] signature = new long[SIZE];
        for (int i = 0; i < SIZE; i++) {
            signature[i] = buffer.getLong();
        }
        return signature;
    }

    static Set<String> shingles(String text) {
        if (text == null) {
            return Set.of();
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String word : plain.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !STOP_WORDS.contains(word)) {
                words.add(word);
            }
        }
        Set<String> shingles = new LinkedHashSet<>();
        if (words.size() == 1) {
            shingles.add(words.get(0));
        }
        for (int i = 0; i + 1 < words.size(); i++) {
            shingles.add(words.get(i) + ' ' + words.get(i + 1));
        }
        return shingles;
    }

    private byte[] hmac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** SplitMix64's finaliser: a fast, well-spread 64-bit mix. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
