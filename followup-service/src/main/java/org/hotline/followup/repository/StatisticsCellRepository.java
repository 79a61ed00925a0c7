package org.hotline.followup.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotline.followup.StatisticsFigure;

/**
 * The pre-aggregated counters of the statistics read model ({@code statistics_cell}), in plain JDBC: a year of a
 * report is tens of thousands of rows, read into records straight from the result set (an entity mapping or
 * Hibernate's {@code Object[]} rows would only copy them once more), and a batch of events adds its counts in one
 * statement of arrays, however many cells it moves, and recomputes the medians of the periods whose first-response
 * histogram it moved ({@code statistics_median}) in one more. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class StatisticsCellRepository {

    /** Every state together. */
    public static final String ALL_STATES = "*";

    private static final Comparator<CellKey> ORDER = Comparator.comparing(CellKey::period)
            .thenComparing(CellKey::state).thenComparing(CellKey::figure).thenComparing(CellKey::day)
            .thenComparing(CellKey::value);
    private static final String HISTOGRAM = StatisticsFigure.FIRST_RESPONSE_QUARTER_HOURS.key();
    private static final String[] SHOWN = StatisticsFigure.shown().stream().map(StatisticsFigure::key).sorted()
            .toArray(String[]::new);
    private static final int FETCH_SIZE = 10_000;

    private static final String ADD = """
            INSERT INTO statistics_cell (generation, period, state, day, figure, value, count)
            SELECT ?, c.period, c.state, c.day, c.figure, c.value, c.count
              FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS date[]), CAST(? AS text[]),
                          CAST(? AS text[]), CAST(? AS bigint[])) AS c(period, state, day, figure, value, count)
            ON CONFLICT (generation, period, state, figure, day, value)
            DO UPDATE SET count = statistics_cell.count + EXCLUDED.count""";

    /** The shown figures' counts: one index range per figure (the key has the figure before the day). */
    private static final String COUNTS = """
            SELECT day - CAST(? AS date), state, figure, value, count
              FROM statistics_cell
             WHERE generation = ? AND period = CAST(? AS char(1)) AND %s AND figure = ANY (CAST(? AS text[]))
               AND day BETWEEN ? AND ?""";

    /**
     * Recomputes the medians of the periods whose first-response histogram a batch added to (V15), from their
     * histograms, so that the histogram's rows (up to 801 quarter hours per period) never leave PostgreSQL: the
     * bucket, in bucket order, at which the running count reaches the middle response, {@code (responses + 1) / 2},
     * i.e. {@code 2 * running >= responses + 1} there and not before. The buckets' three-digit values sort as numbers
     * (V14), so each period's buckets come from the index in order. Counts are summed as {@code int} (one bucket's
     * count fits; the sum is a {@code bigint}), which PostgreSQL sums far faster than a {@code bigint} into a
     * {@code numeric}.
     */
    private static final String REFRESH_MEDIANS = """
            INSERT INTO statistics_median (generation, period, state, day, responses, bucket)
            SELECT ?, period, state, day, responses, CAST(value AS int)
              FROM (SELECT c.period, c.state, c.day, c.value, c.count,
                           sum(CAST(c.count AS int)) OVER (PARTITION BY c.period, c.state, c.day ORDER BY c.value
                                                           ROWS UNBOUNDED PRECEDING) AS running,
                           sum(CAST(c.count AS int)) OVER (PARTITION BY c.period, c.state, c.day) AS responses
                      FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS date[])) AS t(period, state, day)
                      JOIN statistics_cell c ON c.generation = ? AND c.period = CAST(t.period AS char(1))
                       AND c.state = t.state AND c.figure = ? AND c.day = t.day) h
             WHERE 2 * running >= responses + 1 AND 2 * (running - count) < responses + 1
            ON CONFLICT (generation, period, state, day)
            DO UPDATE SET responses = EXCLUDED.responses, bucket = EXCLUDED.bucket""";

    private static final String MEDIANS = """
            SELECT day - CAST(? AS date), state, responses, bucket
              FROM statistics_median
             WHERE generation = ? AND period = CAST(? AS char(1)) AND %s AND day BETWEEN ? AND ?""";

    private final DataSource dataSource;

    public StatisticsCellRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One counter: {@code period} D (a day), W (an ISO week, {@code day} its Monday) or M (a month, {@code day} its
     * first day).
     */
    public record CellKey(char period, String state, LocalDate day, String figure, String value) {
    }

    /** A counted value in a period starting on {@code start}. */
    public record Row(LocalDate start, String state, String figure, String value, long count) {
    }

    /** A period of one state (or every state) whose first-response histogram changed. */
    public record PeriodKey(char period, String state, LocalDate day) {
    }

    /** A period's first-response histogram, reduced to its size and the bucket holding its middle response. */
    public record MedianBucket(LocalDate start, String state, long responses, int bucket) {
    }

    /** The period letter of a granularity. */
    public static char period(String granularity) {
        return switch (granularity) {
            case "day" -> 'D';
            case "week" -> 'W';
            case "month" -> 'M';
            default -> throw new IllegalArgumentException("granularity");
        };
    }

    /**
     * Adds the counts in one statement, in key order (so two writers of the same cells never deadlock on their rows).
     */
    public void add(int generation, Map<CellKey, Long> increments) {
        if (increments.isEmpty()) {
            return;
        }
        Map<CellKey, Long> sorted = new TreeMap<>(ORDER);
        sorted.putAll(increments);
        int n = sorted.size();
        String[] periods = new String[n];
        String[] states = new String[n];
        String[] days = new String[n];
        String[] figures = new String[n];
        String[] values = new String[n];
        Long[] counts = new Long[n];
        int i = 0;
        for (Map.Entry<CellKey, Long> entry : sorted.entrySet()) {
            CellKey key = entry.getKey();
            periods[i] = String.valueOf(key.period());
            states[i] = key.state();
            days[i] = key.day().toString();
            figures[i] = key.figure();
            values[i] = key.value();
            counts[i] = entry.getValue();
            i++;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(ADD)) {
            statement.setInt(1, generation);
            statement.setArray(2, connection.createArrayOf("text", periods));
            statement.setArray(3, connection.createArrayOf("text", states));
            statement.setArray(4, connection.createArrayOf("text", days));
            statement.setArray(5, connection.createArrayOf("text", figures));
            statement.setArray(6, connection.createArrayOf("text", values));
            statement.setArray(7, connection.createArrayOf("bigint", counts));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not add statistics counts", e);
        }
    }

    /** Recomputes the medians of the periods (their histograms changed in this transaction), in one statement. */
    public void refreshMedians(int generation, Collection<PeriodKey> periods) {
        if (periods.isEmpty()) {
            return;
        }
        List<PeriodKey> keys = new ArrayList<>(periods);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(REFRESH_MEDIANS)) {
            statement.setInt(1, generation);
            statement.setArray(2, connection.createArrayOf("text",
                    keys.stream().map(k -> String.valueOf(k.period())).toArray()));
            statement.setArray(3, connection.createArrayOf("text", keys.stream().map(PeriodKey::state).toArray()));
            statement.setArray(4, connection.createArrayOf("text",
                    keys.stream().map(k -> k.day().toString()).toArray()));
            statement.setInt(5, generation);
            statement.setString(6, HISTOGRAM);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not refresh statistics medians", e);
        }
    }

    /**
     * The shown figures' counts of one state (or {@link #ALL_STATES}), or of every single state when {@code state} is
     * null, in the periods of a granularity starting between two days (inclusive).
     */
    public List<Row> counts(int generation, String granularity, String state, LocalDate from, LocalDate to) {
        String sql = COUNTS.formatted(state == null ? "state <> '" + ALL_STATES + "'" : "state = ?");
        List<Row> rows = new ArrayList<>();
        DayOffsets days = new DayOffsets(from);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int p = bindRange(statement, generation, granularity, state, from);
            statement.setArray(p++, connection.createArrayOf("text", SHOWN));
            statement.setObject(p++, from);
            statement.setObject(p, to);
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(days.day(rs.getInt(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read statistics counts", e);
        }
        return rows;
    }

    /**
     * Each period's median first-response bucket (kept by {@link #refreshMedians}), for the same selection as
     * {@link #counts}; a period without responses has none.
     */
    public List<MedianBucket> medians(int generation, String granularity, String state, LocalDate from,
            LocalDate to) {
        String sql = MEDIANS.formatted(state == null ? "state <> '" + ALL_STATES + "'" : "state = ?");
        List<MedianBucket> medians = new ArrayList<>();
        DayOffsets days = new DayOffsets(from);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int p = bindRange(statement, generation, granularity, state, from);
            statement.setObject(p++, from);
            statement.setObject(p, to);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    medians.add(new MedianBucket(days.day(rs.getInt(1)), rs.getString(2), rs.getLong(3),
                            rs.getInt(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read statistics medians", e);
        }
        return medians;
    }

    private static int bindRange(PreparedStatement statement, int generation, String granularity, String state,
            LocalDate from) throws SQLException {
        statement.setObject(1, from);
        statement.setInt(2, generation);
        statement.setString(3, String.valueOf(period(granularity)));
        if (state == null) {
            return 4;
        }
        statement.setString(4, state);
        return 5;
    }

    /** Days read as offsets from the range's first day, each date made once. */
    private static final class DayOffsets {
        private final LocalDate from;
        private final Map<Integer, LocalDate> made = new java.util.HashMap<>();

        DayOffsets(LocalDate from) {
            this.from = from;
        }

        LocalDate day(int offset) {
            return made.computeIfAbsent(offset, from::plusDays);
        }
    }
}
