package org.hotline.intake.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.hotline.intake.service.BlindIndexes;
import org.hotline.intake.service.MinHash;
import org.hotline.intake.service.SignalFingerprints;

/**
 * The stored fingerprints of signals ({@code signal_index}, {@code signal_minhash}, {@code signal_minhash_band}) and
 * the two indexed lookups case suggestions make: the newest signals in open cases with an equal blind index, and
 * those whose description shares a MinHash band. Neither ever reads all cases.
 */
@ApplicationScoped
public class SignalFingerprintRepository {

    private final EntityManager entityManager;

    public SignalFingerprintRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A signal in an open case that matched: the case and when the matching signal was received. */
    public record IndexMatch(UUID caseId, Instant receivedAt) {
    }

    /** A signal in an open case whose description shares a band: the case, its time and its whole signature. */
    public record TextMatch(UUID caseId, Instant receivedAt, long[] signature) {
    }

    public void store(UUID contactId, Instant receivedAt, SignalFingerprints.Fingerprint fingerprint) {
        for (BlindIndexes.Index index : fingerprint.indexes()) {
            entityManager.createNativeQuery("INSERT INTO signal_index (contact_id, kind, key_id, mac, received_at) "
                    + "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
                    .setParameter(1, contactId).setParameter(2, index.kind().name()).setParameter(3, index.keyId())
                    .setParameter(4, index.mac()).setParameter(5, receivedAt).executeUpdate();
        }
        long[] signature = fingerprint.signature();
        if (signature == null) {
            return;
        }
        entityManager.createNativeQuery("INSERT INTO signal_minhash (contact_id, key_id, signature) VALUES (?1, ?2, ?3)")
                .setParameter(1, contactId).setParameter(2, fingerprint.keyId())
                .setParameter(3, MinHash.toBytes(signature)).executeUpdate();
        long[] bands = MinHash.bands(signature);
        StringBuilder insert = new StringBuilder("INSERT INTO signal_minhash_band (contact_id, key_id, band, hash) VALUES ");
        for (int b = 0; b < bands.length; b++) {
            insert.append(b == 0 ? "" : ", ").append("(?1, ?2, ").append(b).append(", ?").append(b + 3).append(')');
        }
        Query query = entityManager.createNativeQuery(insert.toString())
                .setParameter(1, contactId).setParameter(2, fingerprint.keyId());
        for (int b = 0; b < bands.length; b++) {
            query.setParameter(b + 3, bands[b]);
        }
        query.executeUpdate();
    }

    /** The newest signals in open cases (other than {@code self}) with this blind index, at most {@code limit}. */
    @SuppressWarnings("unchecked")
    public List<IndexMatch> inOpenCases(BlindIndexes.Index index, UUID self, int limit) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT s.case_id, i.received_at FROM signal_index i
                    JOIN case_signal s ON s.contact_id = i.contact_id
                    JOIN case_file c ON c.id = s.case_id
                WHERE i.kind = ?1 AND i.key_id = ?2 AND i.mac = ?3 AND i.contact_id <> ?4 AND c.status <> 'CLOSED'
                ORDER BY i.received_at DESC LIMIT ?5""")
                .setParameter(1, index.kind().name()).setParameter(2, index.keyId()).setParameter(3, index.mac())
                .setParameter(4, self).setParameter(5, limit).getResultList();
        List<IndexMatch> matches = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            matches.add(new IndexMatch((UUID) row[0], instant(row[1])));
        }
        return matches;
    }

    /** Signals in open cases sharing at least one MinHash band with {@code signature}, at most {@code limit}. */
    @SuppressWarnings("unchecked")
    public List<TextMatch> sharingABand(String keyId, long[] signature, UUID self, int limit) {
        long[] bands = MinHash.bands(signature);
        StringBuilder anyBand = new StringBuilder();
        for (int b = 0; b < bands.length; b++) {
            anyBand.append(b == 0 ? "" : " OR ").append("(band = ").append(b).append(" AND hash = ?")
                    .append(b + 4).append(')');
        }
        Query query = entityManager.createNativeQuery("""
                SELECT s.case_id, k.received_at, m.signature FROM signal_minhash m
                    JOIN contact k ON k.id = m.contact_id
                    JOIN case_signal s ON s.contact_id = m.contact_id
                    JOIN case_file c ON c.id = s.case_id
                WHERE m.contact_id IN (SELECT contact_id FROM signal_minhash_band WHERE key_id = ?1 AND (%s))
                    AND m.key_id = ?1 AND m.contact_id <> ?2 AND c.status <> 'CLOSED'
                LIMIT ?3""".formatted(anyBand))
                .setParameter(1, keyId).setParameter(2, self).setParameter(3, limit);
        for (int b = 0; b < bands.length; b++) {
            query.setParameter(b + 4, bands[b]);
        }
        List<Object[]> rows = query.getResultList();
        List<TextMatch> matches = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            matches.add(new TextMatch((UUID) row[0], instant(row[1]), MinHash.fromBytes((byte[]) row[2])));
        }
        return matches;
    }

    /** Deletes a shredded signal's fingerprints: once its data is gone, nothing may link it any more. */
    public void forget(UUID contactId) {
        for (String table : List.of("signal_index", "signal_minhash_band", "signal_minhash")) {
            entityManager.createNativeQuery("DELETE FROM " + table + " WHERE contact_id = ?1")
                    .setParameter(1, contactId).executeUpdate();
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass().getName());
    }
}
