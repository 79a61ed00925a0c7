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
 * the three look-ups case suggestions make, each an indexed equality or range with a bound, never a read of all
 * cases: the newest signals in open cases with an equal blind index; those of the same type in the same county within
 * a time window, with their text signatures; and those whose description shares a MinHash band. Each match carries
 * its case's county, state and type, read in the same query, so no case is read again to judge it.
 *
 * <p>The look-ups walk only the rows marked {@code in_open_case} (partial indexes, V26): most signals never join a
 * case, and a text or phone repeated by thousands of unlinked tips must cost a new submission nothing. The mark is set
 * and cleared by {@link #markInOpenCase} and {@link #markCaseClosed} in the transaction that changes the membership.
 */
@ApplicationScoped
public class SignalFingerprintRepository {

    private static final String OPEN_CASE = """
            JOIN case_signal s ON s.contact_id = i.contact_id
            JOIN case_file c ON c.id = s.case_id AND c.status <> 'CLOSED'
            """;
    /*
     * The three look-ups' SQL, public so that the suggestion benchmark's look-up measurement (EXPLAIN ANALYZE on its
     * generated set) runs exactly these. Each parameter appears once, in order.
     */
    public static final String SAME_INDEX = """
            SELECT s.case_id, c.county, c.state, c.typology, i.received_at FROM signal_index i
            """ + OPEN_CASE + """
            WHERE i.kind = ?1 AND i.key_id = ?2 AND i.mac = ?3 AND i.in_open_case AND i.contact_id <> ?4
            ORDER BY i.received_at DESC LIMIT ?5""";
    public static final String SAME_PLACE_AND_TYPE = """
            SELECT s.case_id, c.county, c.state, c.typology, i.received_at, m.signature, m.shingles
            FROM signal_index i
            """ + OPEN_CASE + """
                LEFT JOIN signal_minhash m ON m.contact_id = i.contact_id AND m.key_id = i.key_id
            WHERE i.kind = ?1 AND i.key_id = ?2 AND i.mac = ?3 AND i.in_open_case AND i.contact_id <> ?4
                AND i.received_at BETWEEN ?5 AND ?6
            ORDER BY i.received_at DESC LIMIT ?7""";
    public static final String SHARING_A_BAND = """
            SELECT s.case_id, c.county, c.state, c.typology, k.received_at, i.signature, i.shingles
            FROM (SELECT DISTINCT contact_id, key_id FROM signal_minhash_band
                    WHERE hash = ANY(CAST(?1 AS BIGINT[])) AND key_id = ?2 AND in_open_case
                        AND contact_id <> ?3) b
                JOIN signal_minhash i ON i.contact_id = b.contact_id AND i.key_id = b.key_id
                JOIN contact k ON k.id = i.contact_id
            """ + OPEN_CASE + """
            LIMIT ?4""";

    private final EntityManager entityManager;

    public SignalFingerprintRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * A signal in an open case that matched: the case, its county, state and type, when the matching signal was
     * received, and for the place and text look-ups its description's signature (null when it had no words) and
     * shingle count (null when unknown).
     */
    public record Match(UUID caseId, String county, String state, String typology, Instant receivedAt,
            long[] signature, Integer shingles) {
    }

    /** Writes what the transaction has pending (the new signal's row, which its fingerprints reference). */
    public void writePending() {
        entityManager.flush();
    }

    /** Stores a signal's fingerprint: its blind indexes in one statement, its signature, its bands in one more. */
    public void store(UUID contactId, Instant receivedAt, SignalFingerprints.Fingerprint fingerprint) {
        List<BlindIndexes.Index> indexes = fingerprint.indexes();
        if (!indexes.isEmpty()) {
            StringBuilder insert = new StringBuilder(
                    "INSERT INTO signal_index (contact_id, kind, key_id, mac, received_at) VALUES ");
            for (int i = 0; i < indexes.size(); i++) {
                int at = 3 + i * 3;
                insert.append(i == 0 ? "" : ", ").append("(?1, ?").append(at).append(", ?").append(at + 1)
                        .append(", ?").append(at + 2).append(", ?2)");
            }
            Query query = entityManager.createNativeQuery(insert.append(" ON CONFLICT DO NOTHING").toString())
                    .setParameter(1, contactId).setParameter(2, receivedAt);
            for (int i = 0; i < indexes.size(); i++) {
                int at = 3 + i * 3;
                query.setParameter(at, indexes.get(i).kind().name()).setParameter(at + 1, indexes.get(i).keyId())
                        .setParameter(at + 2, indexes.get(i).mac());
            }
            query.executeUpdate();
        }
        long[] signature = fingerprint.signature();
        if (signature == null) {
            return;
        }
        entityManager.createNativeQuery("INSERT INTO signal_minhash (contact_id, key_id, signature, shingles) "
                + "VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, contactId).setParameter(2, fingerprint.keyId())
                .setParameter(3, MinHash.toBytes(signature))
                .setParameter(4, (short) Math.min(fingerprint.shingles(), Short.MAX_VALUE)).executeUpdate();
        long[] bands = MinHash.bands(signature);
        StringBuilder insert = new StringBuilder(
                "INSERT INTO signal_minhash_band (contact_id, key_id, band, hash) VALUES ");
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

    /**
     * The newest signals in open cases (other than {@code self}) with this blind index, at most {@code limit}: a walk
     * down {@code signal_index_open_case_lookup} that stops at the bound.
     */
    @SuppressWarnings("unchecked")
    public List<Match> sameIndex(BlindIndexes.Index index, UUID self, int limit) {
        List<Object[]> rows = entityManager.createNativeQuery(SAME_INDEX)
                .setParameter(1, index.kind().name()).setParameter(2, index.keyId()).setParameter(3, index.mac())
                .setParameter(4, self).setParameter(5, limit).getResultList();
        List<Match> matches = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            matches.add(new Match((UUID) row[0], (String) row[1], (String) row[2], (String) row[3], instant(row[4]),
                    null, null));
        }
        return matches;
    }

    /**
     * The newest signals in open cases (other than {@code self}) with this place-and-type index received between
     * {@code from} and {@code to}, at most {@code limit}, each with its text signature under the same key: a range
     * scan of {@code signal_index_open_case_lookup} that stops at the bound, so a busy county costs no more than a
     * quiet one.
     */
    @SuppressWarnings("unchecked")
    public List<Match> samePlaceAndType(BlindIndexes.Index index, UUID self, Instant from, Instant to, int limit) {
        List<Object[]> rows = entityManager.createNativeQuery(SAME_PLACE_AND_TYPE)
                .setParameter(1, index.kind().name()).setParameter(2, index.keyId()).setParameter(3, index.mac())
                .setParameter(4, self).setParameter(5, from).setParameter(6, to).setParameter(7, limit)
                .getResultList();
        List<Match> matches = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            matches.add(new Match((UUID) row[0], (String) row[1], (String) row[2], (String) row[3], instant(row[4]),
                    row[5] == null ? null : MinHash.fromBytes((byte[]) row[5]), shingles(row[6])));
        }
        return matches;
    }

    /**
     * Signals in open cases sharing at least one MinHash band with {@code signature}, at most {@code limit}: one scan
     * of {@code signal_minhash_band_open_case_hash} over the 16 band hashes (each band's hash is seeded with its position, so an
     * equal hash is the same band), then primary-key reads of what it found.
     */
    @SuppressWarnings("unchecked")
    public List<Match> sharingABand(String keyId, long[] signature, UUID self, int limit) {
        List<Object[]> rows = entityManager.createNativeQuery(SHARING_A_BAND)
                .setParameter(1, arrayLiteral(MinHash.bands(signature))).setParameter(2, keyId)
                .setParameter(3, self).setParameter(4, limit).getResultList();
        List<Match> matches = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            matches.add(new Match((UUID) row[0], (String) row[1], (String) row[2], (String) row[3], instant(row[4]),
                    MinHash.fromBytes((byte[]) row[5]), shingles(row[6])));
        }
        return matches;
    }

    /**
     * Marks the fingerprints of {@code contactId} as belonging to an open case (linked to one) or not (unlinked), so
     * that the look-ups find it, or no longer find it.
     */
    public void markInOpenCase(UUID contactId, boolean inOpenCase) {
        for (String table : List.of("signal_index", "signal_minhash_band")) {
            entityManager.createNativeQuery("UPDATE " + table + " SET in_open_case = ?1 WHERE contact_id = ?2"
                    + " AND in_open_case <> ?1").setParameter(1, inOpenCase).setParameter(2, contactId)
                    .executeUpdate();
        }
    }

    /** Clears the mark of every signal of a case being closed: a closed case is never suggested. */
    public void markCaseClosed(UUID caseId) {
        for (String table : List.of("signal_index", "signal_minhash_band")) {
            entityManager.createNativeQuery("UPDATE " + table + " t SET in_open_case = false FROM case_signal s"
                    + " WHERE s.case_id = ?1 AND t.contact_id = s.contact_id AND t.in_open_case")
                    .setParameter(1, caseId).executeUpdate();
        }
    }

    /** Deletes a shredded signal's fingerprints: once its data is gone, nothing may link it any more. */
    public void forget(UUID contactId) {
        for (String table : List.of("signal_index", "signal_minhash_band", "signal_minhash")) {
            entityManager.createNativeQuery("DELETE FROM " + table + " WHERE contact_id = ?1")
                    .setParameter(1, contactId).executeUpdate();
        }
    }

    /**
     * A bigint array as PostgreSQL's text form, cast in the statement: numbers only, so nothing needs quoting (a
     * JDBC array would need the connection, which a native query does not give).
     */
    public static String arrayLiteral(long[] values) {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ",").append(values[i]);
        }
        return text.append('}').toString();
    }

    private static Integer shingles(Object value) {
        return value == null ? null : ((Number) value).intValue();
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
