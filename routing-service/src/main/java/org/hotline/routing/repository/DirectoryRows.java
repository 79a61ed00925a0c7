package org.hotline.routing.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The directory read model table, in plain JDBC: the writes carry the guards that keep it equal to the topic, and the
 * reads stream rows to the in-memory index. Every method runs in the caller's transaction.
 *
 * <p>Two guards. A live record (the consumer) is applied unless the row already came from the same or a later
 * offset of its partition, or holds a newer version (a deletion counts as newer than the version it deleted). A
 * rebuild record is applied unless the row came from a later offset: the topic is the truth, and only what the live
 * consumer wrote from records after the rebuild's end offsets is newer.
 */
@ApplicationScoped
public class DirectoryRows {

    private static final String LIVE_GUARD = """
            NOT (d.source_offset IS NOT NULL AND d.source_partition = excluded.source_partition
                 AND d.source_offset >= excluded.source_offset)""";

    private static final String REBUILD_GUARD = """
            d.source_offset IS NULL OR d.source_partition IS DISTINCT FROM excluded.source_partition
            OR d.source_offset <= excluded.source_offset""";

    private static final String UPSERT = """
            INSERT INTO directory_organization AS d
                   (id, name, version, document, updated_at, deleted, source_partition, source_offset)
            VALUES (?, ?, ?, CAST(? AS jsonb), ?, false, ?, ?)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, version = excluded.version,
                   document = excluded.document, updated_at = excluded.updated_at, deleted = false,
                   source_partition = excluded.source_partition, source_offset = excluded.source_offset
             WHERE """;

    private static final String DELETE = """
            INSERT INTO directory_organization AS d
                   (id, name, version, document, updated_at, deleted, source_partition, source_offset)
            VALUES (?, NULL, 0, NULL, now(), true, ?, ?)
            ON CONFLICT (id) DO UPDATE SET document = NULL, updated_at = now(), deleted = true,
                   source_partition = excluded.source_partition, source_offset = excluded.source_offset
             WHERE """;

    /**
     * The rows written by transactions from {@code ?} on, with the oldest transaction still running when the statement
     * began: every transaction older than that is finished and its rows are in this result or an earlier one.
     */
    private static final String CHANGES = """
            SELECT CAST(s.xmin AS text), d.id, d.deleted, CAST(d.written_xid AS text), CAST(d.document AS text)
              FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin) s
              LEFT JOIN directory_organization d ON d.written_xid >= CAST(? AS xid8)""";

    private static final String ALL_LIVE = """
            SELECT CAST(s.xmin AS text), d.id, d.deleted, CAST(d.written_xid AS text), CAST(d.document AS text)
              FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin) s
              LEFT JOIN directory_organization d ON NOT d.deleted""";

    private static final String DELETE_NOT_IN_TOPIC = """
            UPDATE directory_organization SET document = NULL, updated_at = now(), deleted = true
             WHERE NOT deleted AND written_xid <> pg_current_xact_id()
               AND (source_offset IS NULL OR source_partition IS NULL OR source_partition < 0
                    OR source_partition >= cardinality(CAST(? AS bigint[]))
                    OR source_offset < (CAST(? AS bigint[]))[source_partition + 1])""";

    /** Any constant will do: it only has to be the same for every routing instance. */
    private static final long REBUILD_LOCK = 0x524F5554494E47L;

    private static final int FETCH_SIZE = 500;

    private final DataSource dataSource;

    public DirectoryRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One row as the index reads it; {@code document} is null for a deleted organisation. */
    public record Row(UUID id, boolean deleted, long writtenXid, String document) {
    }

    /** Applies a live upsert (see the class comment); whether it changed the row. */
    public boolean upsertLive(UUID id, String name, long version, String document, Instant updatedAt, int partition,
            long offset) {
        return update(UPSERT + "(" + LIVE_GUARD + """
                ) AND (CASE WHEN d.deleted THEN excluded.version > d.version
                            ELSE excluded.version >= d.version END)""",
                s -> bindUpsert(s, id, name, version, document, updatedAt, partition, offset)) == 1;
    }

    /** Applies a live tombstone; the row stays, marked deleted. Whether it changed the row. */
    public boolean deleteLive(UUID id, int partition, long offset) {
        return update(DELETE + "(" + LIVE_GUARD + ")", s -> bindDelete(s, id, partition, offset)) == 1;
    }

    /** Reads the changes since {@code watermark} (every live row when null); returns the next watermark. */
    public long changesSince(Long watermark, Consumer<Row> each) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(watermark == null ? ALL_LIVE : CHANGES)) {
            if (watermark != null) {
                statement.setString(1, Long.toString(watermark));
            }
            statement.setFetchSize(FETCH_SIZE);
            long next = -1;
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    next = Long.parseLong(rs.getString(1));
                    UUID id = rs.getObject(2, UUID.class);
                    if (id != null) {
                        each.accept(new Row(id, rs.getBoolean(3), Long.parseLong(rs.getString(4)), rs.getString(5)));
                    }
                }
            }
            return next;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the directory read model", e);
        }
    }

    /** Organisations in the table that are not deleted. */
    public long countLive() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM directory_organization WHERE NOT deleted");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the directory read model", e);
        }
    }

    /** Takes the rebuild lock until the transaction ends; false when another rebuild holds it. */
    public boolean tryRebuildLock() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, REBUILD_LOCK);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the rebuild lock", e);
        }
    }

    /** Writes a rebuild's records in batches, in the order they are added. */
    public RebuildWriter rebuildWriter() {
        return new RebuildWriter();
    }

    /**
     * Marks deleted every row the rebuild neither wrote nor must keep: rows whose record is not on the topic any more,
     * unless they came from an offset at or after the rebuild's end offset of their partition (written live
     * meanwhile). Returns how many.
     */
    public int deleteRowsNotOnTopic(long[] endOffsets) {
        return update(DELETE_NOT_IN_TOPIC, s -> {
            Array ends = s.getConnection().createArrayOf("bigint", Arrays.stream(endOffsets).boxed()
                    .toArray(Long[]::new));
            s.setArray(1, ends);
            s.setArray(2, ends);
        });
    }

    /** Batches of rebuild writes; {@link #flush} before reading what they did. */
    public final class RebuildWriter implements AutoCloseable {
        private static final int BATCH = 500;

        private final Connection connection;
        private final PreparedStatement upserts;
        private final PreparedStatement deletes;
        private int pending;
        private int applied;

        private RebuildWriter() {
            try {
                connection = dataSource.getConnection();
                upserts = connection.prepareStatement(UPSERT + "(" + REBUILD_GUARD + ")");
                deletes = connection.prepareStatement(DELETE + "(" + REBUILD_GUARD + ")");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not prepare the rebuild", e);
            }
        }

        public void upsert(UUID id, String name, long version, String document, Instant updatedAt, int partition,
                long offset) {
            try {
                bindUpsert(upserts, id, name, version, document, updatedAt, partition, offset);
                upserts.addBatch();
                added();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not write the rebuild", e);
            }
        }

        public void delete(UUID id, int partition, long offset) {
            try {
                bindDelete(deletes, id, partition, offset);
                deletes.addBatch();
                added();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not write the rebuild", e);
            }
        }

        /** Sends what is pending; returns how many rows all writes so far changed. */
        public int flush() {
            try {
                // Upserts go before deletes whatever order they came in: harmless, as the offset guard lets only
                // the later record of a key win.
                for (int n : upserts.executeBatch()) {
                    applied += Math.max(n, 0);
                }
                for (int n : deletes.executeBatch()) {
                    applied += Math.max(n, 0);
                }
                pending = 0;
                return applied;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not write the rebuild", e);
            }
        }

        private void added() {
            if (++pending >= BATCH) {
                flush();
            }
        }

        @Override
        public void close() {
            try (connection; upserts; deletes) {
                // closes all three
            } catch (SQLException e) {
                throw new IllegalStateException("Could not close the rebuild writer", e);
            }
        }
    }

    private static void bindUpsert(PreparedStatement s, UUID id, String name, long version, String document,
            Instant updatedAt, int partition, long offset) throws SQLException {
        s.setObject(1, id);
        s.setString(2, name);
        s.setLong(3, version);
        s.setString(4, document);
        s.setObject(5, OffsetDateTime.ofInstant(updatedAt == null ? Instant.EPOCH : updatedAt, ZoneOffset.UTC));
        s.setInt(6, partition);
        s.setLong(7, offset);
    }

    private static void bindDelete(PreparedStatement s, UUID id, int partition, long offset) throws SQLException {
        s.setObject(1, id);
        s.setInt(2, partition);
        s.setLong(3, offset);
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the directory read model", e);
        }
    }
}
