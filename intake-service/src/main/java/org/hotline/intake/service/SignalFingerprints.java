package org.hotline.intake.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotline.contracts.events.Location;
import org.hotline.contracts.vocabulary.Typology;
import org.hotline.intake.PersonalData;

/**
 * Turns a signal's plaintext, while it is open at submission, into what case suggestions compare: blind indexes of
 * the phone, e-mail, venue and place, and a MinHash signature of the description. Keys are derived (HKDF, see
 * {@link KeyEncryptionKeys#derive}) from each configured key-encryption key with the purposes {@value #BLIND_INDEX}
 * and {@value #MINHASH}: new signals are stored under the current key, and a lookup computes under every configured
 * key, so signals stored before a KEK rotation are still found until their old key is removed.
 */
@ApplicationScoped
public class SignalFingerprints {

    public static final String BLIND_INDEX = "blind-index";
    public static final String MINHASH = "minhash";

    private final String currentKeyId;
    private final Map<String, BlindIndexes> indexes = new TreeMap<>();
    private final Map<String, MinHash> minHashes = new TreeMap<>();

    public SignalFingerprints(KeyEncryptionKeys keks) {
        this.currentKeyId = keks.currentKeyId();
        for (String id : keks.keyIds()) {
            indexes.put(id, new BlindIndexes(id, keks.derive(id, BLIND_INDEX).orElseThrow()));
            minHashes.put(id, new MinHash(keks.derive(id, MINHASH).orElseThrow()));
        }
    }

    /**
     * A signal's fingerprint under one key: its blind indexes, its description's signature (null: no words) and the
     * number of word shingles the signature was made of.
     */
    public record Fingerprint(String keyId, List<BlindIndexes.Index> indexes, long[] signature, int shingles) {
    }

    /** The fingerprint to store, under the current key. */
    public Fingerprint current(PersonalData data, Location location, Typology typology) {
        return under(currentKeyId, data, location, typology);
    }

    /** The fingerprints to look up with: one under every configured key, the current first. */
    public List<Fingerprint> forLookup(PersonalData data, Location location, Typology typology) {
        List<Fingerprint> all = new ArrayList<>();
        all.add(current(data, location, typology));
        for (String id : indexes.keySet()) {
            if (!id.equals(currentKeyId)) {
                all.add(under(id, data, location, typology));
            }
        }
        return all;
    }

    private Fingerprint under(String keyId, PersonalData data, Location location, Typology typology) {
        String phone = data.reporterPhone();
        String email = data.reporterEmail();
        List<BlindIndexes.Index> found = new ArrayList<>(indexes.get(keyId)
                .of(phone, email, data.venueAddress(), location, typology));
        if (data.callback() != null) {
            // A call's callback number or address is the caller's phone or e-mail.
            for (BlindIndexes.Index extra : indexes.get(keyId).of(data.callback().phone(), data.callback().email(),
                    null, null, null)) {
                if (found.stream().noneMatch(i -> i.kind() == extra.kind()
                        && java.util.Arrays.equals(i.mac(), extra.mac()))) {
                    found.add(extra);
                }
            }
        }
        MinHash.Signature text = minHashes.get(keyId).signed(data.description());
        return new Fingerprint(keyId, List.copyOf(found), text == null ? null : text.minima(),
                text == null ? 0 : text.shingles());
    }
}
