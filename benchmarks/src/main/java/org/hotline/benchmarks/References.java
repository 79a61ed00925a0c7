package org.hotline.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hotline.contracts.Topics;

/**
 * The raw floors the benchmarks' figures are divided by, measured on the same PostgreSQL and broker in the same run:
 * how fast the database commits one small row, and how fast the broker acknowledges one record with {@code acks=all}.
 */
final class References {

    /** A row and a record about as large as a tip's (its sealed personal data, its event). */
    private static final String PAYLOAD = "x".repeat(700);
    private static final String REFERENCE_TOPIC = "benchmark.reference.v1";

    private References() {
    }

    /** Single-row INSERT, each committed on its own (autocommit), from {@code concurrency} connections. */
    static Latencies postgresInsertCommit(String jdbcUrl, int concurrency, Duration time) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TABLE public.benchmark_reference (id UUID PRIMARY KEY, reference TEXT NOT NULL UNIQUE,"
                    + " payload TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        }
        Latencies inserts = ClosedLoop.run(concurrency, time, () -> {
            Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
            db.setAutoCommit(true);
            PreparedStatement insert = db.prepareStatement("INSERT INTO public.benchmark_reference"
                    + " (id, reference, payload) VALUES (?, ?, ?)");
            return new ClosedLoop.Client() {
                @Override
                public boolean call() throws SQLException {
                    UUID id = UUID.randomUUID();
                    insert.setObject(1, id);
                    insert.setString(2, id.toString());
                    insert.setString(3, PAYLOAD);
                    insert.executeUpdate();
                    return true;
                }

                @Override
                public void close() throws SQLException {
                    db.close();
                }
            };
        });
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement ddl = db.createStatement()) {
            ddl.execute("DROP TABLE public.benchmark_reference");
        }
        return inserts;
    }

    static String setting(String jdbcUrl, String name) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement q = db.createStatement(); ResultSet rs = q.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * One idempotent {@code acks=all} producer (like a service's outbox relay) shared by {@code concurrency} threads,
     * each sending one record and waiting for its acknowledgement before the next.
     */
    static Latencies kafkaAcksAll(String bootstrapServers, int concurrency, Duration time) throws Exception {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin a = Admin.create(admin)) {
            a.createTopics(List.of(new NewTopic(REFERENCE_TOPIC, Topics.DEFAULT_PARTITIONS, (short) 1))).all().get();
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(REFERENCE_TOPIC, "warm-up", PAYLOAD)).get();
            return ClosedLoop.run(concurrency, time, () -> () -> {
                producer.send(new ProducerRecord<>(REFERENCE_TOPIC, UUID.randomUUID().toString(), PAYLOAD)).get();
                return true;
            });
        }
    }

    /**
     * Measures one connection's single-row insert+commit on the same database (the benchmarks that call this send
     * their requests one at a time) and prints the requests' latency as multiples of it.
     */
    static void printAgainstPostgres(String jdbcUrl, long[] sortedNanos) throws Exception {
        Latencies postgres = postgresInsertCommit(jdbcUrl, 1, Duration.ofSeconds(10));
        System.out.printf("Reference, same run: PostgreSQL single-row INSERT + COMMIT on one connection"
                + " (synchronous_commit %s, fsync %s): p50 %.2f ms, p99 %.2f ms (%d rows)%n",
                setting(jdbcUrl, "synchronous_commit"), setting(jdbcUrl, "fsync"), postgres.p50(), postgres.p99(),
                postgres.count());
        System.out.printf("  latency as a ratio to it: p50 %.1fx, p99 %.1fx%n",
                Percentiles.millis(sortedNanos, 50) / postgres.p50(),
                Percentiles.millis(sortedNanos, 99) / postgres.p99());
    }
}
