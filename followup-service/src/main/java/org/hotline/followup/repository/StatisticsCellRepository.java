package org.hotline.followup.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/** The pre-aggregated counters of the statistics read model ({@code statistics_cell}). */
@ApplicationScoped
public class StatisticsCellRepository {

    /** Every state together. */
    public static final String ALL_STATES = "*";

    private static final Comparator<CellKey> ORDER = Comparator.comparing(CellKey::period)
            .thenComparing(CellKey::state).thenComparing(CellKey::day).thenComparing(CellKey::figure)
            .thenComparing(CellKey::value);

    private final EntityManager entityManager;

    public StatisticsCellRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One counter: {@code period} D (a day) or M (a month, {@code day} its first day). */
    public record CellKey(char period, String state, LocalDate day, String figure, String value) {
    }

    /** A counted value in a period starting on {@code start}. */
    public record Row(LocalDate start, String state, String figure, String value, long count) {
    }

    /**
     * Adds the counts in one statement, in key order (so two writers of the same cells never deadlock): an event
     * costs one round trip however many cells it moves.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(int generation, Map<CellKey, Long> increments) {
        if (increments.isEmpty()) {
            return;
        }
        Map<CellKey, Long> sorted = new TreeMap<>(ORDER);
        sorted.putAll(increments);
        StringBuilder sql = new StringBuilder(
                "INSERT INTO statistics_cell (generation, period, state, day, figure, value, count) VALUES ");
        int i = 0;
        for (int n = 0; n < sorted.size(); n++) {
            sql.append(n == 0 ? "" : ", ").append("(?1, ?").append(i + 2).append(", ?").append(i + 3).append(", ?")
                    .append(i + 4).append(", ?").append(i + 5).append(", ?").append(i + 6).append(", ?")
                    .append(i + 7).append(')');
            i += 6;
        }
        sql.append(" ON CONFLICT (generation, period, state, day, figure, value) "
                + "DO UPDATE SET count = statistics_cell.count + EXCLUDED.count");
        Query query = entityManager.createNativeQuery(sql.toString()).setParameter(1, generation);
        int p = 2;
        for (Map.Entry<CellKey, Long> entry : sorted.entrySet()) {
            CellKey key = entry.getKey();
            query.setParameter(p++, String.valueOf(key.period())).setParameter(p++, key.state())
                    .setParameter(p++, key.day()).setParameter(p++, key.figure()).setParameter(p++, key.value())
                    .setParameter(p++, entry.getValue());
        }
        query.executeUpdate();
    }

    /**
     * The counts of one state (or {@link #ALL_STATES}), or of every single state when {@code state} is null, between
     * two days (inclusive), per day, ISO week (from Monday) or month.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Row> counts(int generation, String granularity, String state, LocalDate from, LocalDate to) {
        String start = switch (granularity) {
            case "day", "month" -> "day";
            case "week" -> "CAST(date_trunc('week', day) AS date)";
            default -> throw new IllegalArgumentException("granularity");
        };
        String period = granularity.equals("month") ? "M" : "D";
        String states = state == null ? "state <> '" + ALL_STATES + "'" : "state = ?5";
        Query query = entityManager.createNativeQuery("SELECT " + start + " AS start, state, figure, value, "
                + "sum(count) FROM statistics_cell WHERE generation = ?1 AND period = ?2 AND day BETWEEN ?3 AND ?4 AND "
                + states + " GROUP BY 1, 2, 3, 4")
                .setParameter(1, generation).setParameter(2, period).setParameter(3, from).setParameter(4, to);
        if (state != null) {
            query.setParameter(5, state);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Row> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            result.add(new Row(date(row[0]), (String) row[1], (String) row[2], (String) row[3],
                    ((Number) row[4]).longValue()));
        }
        return result;
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException("Unexpected date type " + value.getClass().getName());
    }
}
