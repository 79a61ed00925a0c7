package org.hotline.intake.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.hotline.contracts.events.Location;
import org.hotline.contracts.vocabulary.Typology;

/**
 * Blind indexes of one key: HMAC-SHA-256 of a normalised phone, e-mail, venue address or place, so that equal values
 * can be found by an indexed equality while the database holds neither the value nor anything that can be tested
 * against guesses without the key. Normalising makes the same value written differently meet: a phone is its digits
 * (a 10-digit U.S. number gains its country code 1), an e-mail is trimmed and lower-cased, an address loses case,
 * accents, punctuation and the usual street abbreviations and is scoped to its state, a place is the county (else the
 * city) with the state and the Polaris type (so the newest signals of one type in one county are one indexed lookup,
 * however busy the county). Thread-safe.
 */
public final class BlindIndexes {

    /** What a blind index is of; the same strings are stored in {@code signal_index.kind}. */
    public enum Kind {
        PHONE, EMAIL, VENUE, PLACE_TYPE
    }

    /** One blind index: its kind, the id of the key-encryption key its key was derived from, and the MAC. */
    public record Index(Kind kind, String keyId, byte[] mac) {
    }

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(Map.entry("street", "st"),
            Map.entry("avenue", "ave"), Map.entry("road", "rd"), Map.entry("highway", "hwy"),
            Map.entry("boulevard", "blvd"), Map.entry("drive", "dr"), Map.entry("lane", "ln"),
            Map.entry("north", "n"), Map.entry("south", "s"), Map.entry("east", "e"), Map.entry("west", "w"),
            Map.entry("suite", "ste"), Map.entry("apartment", "apt"), Map.entry("route", "rte"),
            Map.entry("calle", "c"), Map.entry("avenida", "av"), Map.entry("county", ""), Map.entry("condado", ""));

    private final String keyId;
    private final SecretKeySpec key;

    public BlindIndexes(String keyId, byte[] key) {
        this.keyId = keyId;
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    public String keyId() {
        return keyId;
    }

    /** The indexes of whatever of these is present and usable; each value normalised first. */
    public List<Index> of(String phone, String email, String venueAddress, Location location, Typology typology) {
        List<Index> indexes = new ArrayList<>();
        String state = location == null || location.state() == null ? "" : location.state().toUpperCase(Locale.ROOT);
        add(indexes, Kind.PHONE, phone(phone));
        add(indexes, Kind.EMAIL, email(email));
        String venue = words(venueAddress);
        add(indexes, Kind.VENUE, venue == null ? null : state + "|" + venue);
        String place = place(location);
        add(indexes, Kind.PLACE_TYPE, place == null || typology == null ? null : place + "|" + typology.name());
        return indexes;
    }

    static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() == 10) {
            digits = "1" + digits;
        }
        return digits.length() < 7 ? null : "+" + digits;
    }

    static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** The county (else the city) and state, normalised; null without a state or either. */
    public static String place(Location location) {
        if (location == null || location.state() == null) {
            return null;
        }
        String where = words(location.county());
        String kind = "county";
        if (where == null) {
            where = words(location.city());
            kind = "city";
        }
        return where == null ? null : location.state().toUpperCase(Locale.ROOT) + "|" + kind + ":" + where;
    }

    /** Lower case, no accents or punctuation, the usual abbreviations, single spaces; null when no word is left. */
    static String words(String text) {
        if (text == null) {
            return null;
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (String word : NOT_WORD.split(plain)) {
            String written = ABBREVIATIONS.getOrDefault(word, word);
            if (!written.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(written);
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    private void add(List<Index> indexes, Kind kind, String normalised) {
        if (normalised != null) {
            indexes.add(new Index(kind, keyId, hmac(kind.name() + ":" + normalised)));
        }
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
}
