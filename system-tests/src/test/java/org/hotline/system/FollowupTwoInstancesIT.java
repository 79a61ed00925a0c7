package org.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.contracts.Topics;
import org.hotline.local.Folders;
import org.hotline.local.FreePorts;
import org.hotline.local.LocalKafka;
import org.hotline.local.LocalPostgres;
import org.hotline.local.ServiceJvm;
import org.hotline.local.ServiceProcess;
import org.hotline.local.SigningKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * At-risk and breached raised exactly once with two packaged followup-service processes over one PostgreSQL schema and
 * one Kafka broker (DESIGN.md §6), across a graceful restart and a crash. Follow-ups are written straight into the
 * table with deadlines already passed or passing during the test; both instances sweep every second, one follow-up
 * per claim, so they compete for the same rows row by row.
 *
 * <p>That each instance takes part is shown by construction, not left to how the scheduler happens to share the work:
 * first one instance is frozen (SIGSTOP) while rows only the other can claim are written and raised, then the other
 * way round. Then both run side by side over a burst and deadlines passing; midway one instance is stopped with
 * SIGTERM and started again; once it is back, the other is killed with SIGKILL and rows written after that can only be
 * raised by the restarted one. Every event read back from {@code hotline.followups.v1} must be there once per
 * follow-up and type, none missing and none for the follow-ups that owe nothing.
 *
 * <p>"Once" means one CloudEvents id: the outbox relay delivers at least once, so a crash between the broker's
 * acknowledgement and the relay's commit may publish the same event (same {@code ce_id}) again, which consumers drop.
 * A second {@code ce_id} for the same follow-up and type would be a second raise, the failure this test looks for.
 */
class FollowupTwoInstancesIT {

    private static final String AT_RISK = "hotline.followup.at-risk";
    private static final String BREACHED = "hotline.followup.breached";
    private static final Duration READY = Duration.ofMinutes(2);
    /** While both first instances run, deadlines pass over this span (one of them is restarted meanwhile). */
    private static final Duration PASSING_SPAN = Duration.ofSeconds(12);
    private static final Pattern RAISED = Pattern.compile("Deadline sweep raised (\\d+) at-risk and (\\d+) breached");

    private static Path data;
    private static Path logs;
    private static LocalPostgres postgres;
    private static LocalKafka kafka;
    private static SigningKeys signingKeys;
    private static final List<ServiceProcess> instances = new ArrayList<>();

    @BeforeAll
    static void startPostgresKafkaAndTwoInstances() throws Exception {
        data = Files.createTempDirectory("hotline-followup-two-instances");
        logs = Files.createDirectories(data.resolve("logs"));
        signingKeys = SigningKeys.loadOrCreate(data.resolve("keys"));
        int[] ports = FreePorts.allocate(3);
        postgres = LocalPostgres.start(Files.createDirectories(data.resolve("postgres")), ports[0]);
        kafka = new LocalKafka(data.resolve("kafka"), ports[1], ports[2], logs.resolve("kafka.log"))
                .start(Duration.ofMinutes(2));
        // Both start at once: their Flyway migrations of the one schema queue on Flyway's lock.
        ServiceProcess first = startInstance("followup-a");
        ServiceProcess second = startInstance("followup-b");
        first.awaitReady(READY);
        second.awaitReady(READY);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (ServiceProcess instance : instances) {
            instance.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (data != null) {
            // The logs stay for a look after a failure; the broker's and the database's data go.
            Folders.deleteTree(data.resolve("kafka"));
            Folders.deleteTree(data.resolve("postgres"));
            System.out.println("[system-test] followup-service logs in " + logs);
        }
    }

    @Test
    void eachAtRiskAndBreachedIsRaisedOnceByTwoInstancesAcrossARestartAndACrash() throws Exception {
        Arranged arranged = new Arranged();
        // Each instance alone while the other is frozen: what it raises then, only it can have raised.
        raiseWhileTheOtherIsFrozen(arranged, instances.get(1), instances.get(0));
        raiseWhileTheOtherIsFrozen(arranged, instances.get(0), instances.get(1));

        Instant start = Instant.now();
        // Both instances running: a burst already due, and deadlines passing over the next seconds.
        arranged.write(start, 150, 30, 100, PASSING_SPAN, 20, 20);

        // Midway through the passing deadlines: SIGTERM one instance (the other goes on alone), start it again.
        sleepUntil(start.plus(PASSING_SPAN.dividedBy(3)));
        ServiceProcess stopped = instances.get(1);
        stopped.close();
        assertThat(stopped.process().exitValue()).as("graceful exit after SIGTERM, not killed after the grace period")
                .isNotEqualTo(137);
        ServiceProcess restarted = startInstance("followup-b-restarted");
        restarted.awaitReady(READY);

        // Then crash the other one, and add deadlines that only the restarted instance can raise.
        instances.get(0).process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        arranged.write(Instant.now(), 20, 0, 40, Duration.ofSeconds(4), 0, 0);

        Map<String, List<ConsumerRecord<String, String>>> events = readEventsUntilComplete(arranged);

        for (Map.Entry<String, Set<String>> followup : arranged.expected.entrySet()) {
            List<ConsumerRecord<String, String>> own = events.getOrDefault(followup.getKey(), List.of());
            Map<String, Set<String>> idsByType = own.stream().collect(Collectors.groupingBy(
                    r -> header(r, CloudEventHeaders.TYPE), Collectors.mapping(
                            r -> header(r, CloudEventHeaders.ID), Collectors.toSet())));
            for (String type : List.of(AT_RISK, BREACHED)) {
                int expectedRaises = followup.getValue().contains(type) ? 1 : 0;
                assertThat(idsByType.getOrDefault(type, Set.of()))
                        .as("%s events of follow-up %s (%s)", type, followup.getKey(),
                                arranged.kinds.get(followup.getKey()))
                        .hasSize(expectedRaises);
            }
            // At-risk before breached: same key, same partition, in the order raised.
            List<String> firstSeen = own.stream().map(r -> header(r, CloudEventHeaders.TYPE))
                    .filter(t -> t.equals(AT_RISK) || t.equals(BREACHED)).distinct().toList();
            if (firstSeen.size() == 2) {
                assertThat(firstSeen).containsExactly(AT_RISK, BREACHED);
            }
        }
        long records = events.values().stream().flatMap(List::stream)
                .filter(r -> !header(r, CloudEventHeaders.TYPE).equals("hotline.followup.scheduled")).count();
        Map<String, long[]> raisedByLog = raisedPerInstance();
        System.out.printf("[system-test] %d follow-ups, %d at-risk and %d breached expected; %d at-risk/breached"
                + " records read; raised per instance log (at-risk, breached): %s%n", arranged.expected.size(),
                arranged.count(AT_RISK), arranged.count(BREACHED), records,
                raisedByLog.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()[0] + "," + e.getValue()[1])
                        .collect(Collectors.joining("; ")));
        // The instances' own reports add up to no more than one raise each (the killed instance may have committed a
        // batch without getting to log it, so fewer is possible, more is not).
        assertThat(raisedByLog.values().stream().mapToLong(r -> r[0]).sum()).as("at-risk raised, all logs")
                .isLessThanOrEqualTo(arranged.count(AT_RISK));
        assertThat(raisedByLog.values().stream().mapToLong(r -> r[1]).sum()).as("breached raised, all logs")
                .isLessThanOrEqualTo(arranged.count(BREACHED));
    }

    /**
     * Freezes {@code frozen}, writes follow-ups already past both deadlines, waits until {@code alone} has stamped
     * every one of them as raised, and thaws {@code frozen} again: a frozen process claims nothing, so these rows are
     * raised by {@code alone}, whichever instance the scheduler would have favoured.
     */
    private static void raiseWhileTheOtherIsFrozen(Arranged arranged, ServiceProcess frozen, ServiceProcess alone)
            throws Exception {
        frozen.freeze();
        try {
            List<UUID> rows = arranged.write(Instant.now(), 10, 0, 0, Duration.ZERO, 0, 0);
            await("follow-ups raised by " + alone.name() + " while " + frozen.name() + " was frozen")
                    .atMost(READY).pollInterval(Duration.ofMillis(200))
                    .until(() -> countRaised(rows), raised -> raised == rows.size());
        } finally {
            frozen.thaw();
        }
    }

    /** How many of {@code ids} have both their at-risk and breached events stamped as raised. */
    private static long countRaised(List<UUID> ids) throws SQLException {
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), "followup", "followup");
                PreparedStatement count = db.prepareStatement("""
                        SELECT count(*) FROM followup.followup
                         WHERE id = ANY (?) AND at_risk_raised_at IS NOT NULL AND breached_raised_at IS NOT NULL""")) {
            count.setArray(1, db.createArrayOf("uuid", ids.toArray()));
            try (var result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** The follow-ups written for the test, and what each must raise. */
    private static final class Arranged {

        final Map<String, Set<String>> expected = new LinkedHashMap<>();
        final Map<String, String> kinds = new HashMap<>();
        private int written;

        /**
         * Writes, in one transaction: {@code overdue} follow-ups past both deadlines (both events due at once),
         * {@code atRiskOnly} past the target only, {@code passing} whose target and then breach pass within
         * {@code span} (plus up to four seconds), and {@code completed} plus {@code notDue} (a day off) that must raise
         * nothing.
         */
        List<UUID> write(Instant now, int overdue, int atRiskOnly, int passing, Duration span, int completed,
                int notDue) throws SQLException {
            List<UUID> ids = new ArrayList<>();
            try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), "followup", "followup");
                    PreparedStatement insert = db.prepareStatement("""
                            INSERT INTO followup.followup (id, reference, call_type, channel, received_at,
                                clock_starts_at, target_at, breach_at, status, completed_at)
                            VALUES (?, ?, 'TIP', 'WEB_FORM', ?, ?, ?, ?, ?, ?)""")) {
                db.setAutoCommit(false);
                for (int i = 0; i < overdue; i++) {
                    add(ids, insert, "overdue", now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)), false,
                            Set.of(AT_RISK, BREACHED));
                }
                for (int i = 0; i < atRiskOnly; i++) {
                    add(ids, insert, "at risk only", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)),
                            false, Set.of(AT_RISK));
                }
                for (int i = 0; i < passing; i++) {
                    Instant target = now.plusSeconds(1).plus(span.multipliedBy(i).dividedBy(passing));
                    add(ids, insert, "passing", target, target.plusSeconds(1 + i % 4), false,
                            Set.of(AT_RISK, BREACHED));
                }
                for (int i = 0; i < completed; i++) {
                    add(ids, insert, "completed", now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)), true,
                            Set.of());
                }
                for (int i = 0; i < notDue; i++) {
                    add(ids, insert, "not due", now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)), false,
                            Set.of());
                }
                insert.executeBatch();
                db.commit();
            }
            return ids;
        }

        long count(String type) {
            return expected.values().stream().filter(t -> t.contains(type)).count();
        }

        private void add(List<UUID> ids, PreparedStatement insert, String kind, Instant target, Instant breach,
                boolean completed, Set<String> events) throws SQLException {
            UUID id = UUID.randomUUID();
            Instant clockStart = target.minus(Duration.ofDays(2));
            insert.setObject(1, id);
            insert.setString(2, String.format("TIP-SYS%07d", written++));
            insert.setTimestamp(3, Timestamp.from(clockStart));
            insert.setTimestamp(4, Timestamp.from(clockStart));
            insert.setTimestamp(5, Timestamp.from(target));
            insert.setTimestamp(6, Timestamp.from(breach));
            insert.setString(7, completed ? "COMPLETED" : "OPEN");
            insert.setTimestamp(8, completed ? Timestamp.from(clockStart.plus(Duration.ofHours(1))) : null);
            insert.addBatch();
            expected.put(id.toString(), events);
            kinds.put(id.toString(), kind);
            ids.add(id);
        }
    }

    /**
     * Reads the follow-up topic from the beginning until every expected event has arrived, then a few sweep
     * intervals more, so that a duplicate raised late would be seen too. Records grouped by key (follow-up id), in
     * offset order.
     */
    private static Map<String, List<ConsumerRecord<String, String>>> readEventsUntilComplete(Arranged arranged) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, List<ConsumerRecord<String, String>>> byKey = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.FOLLOWUPS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Set<String> seen = new HashSet<>();
            long wanted = arranged.count(AT_RISK) + arranged.count(BREACHED);
            Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
            Instant stop = null;
            while (stop == null || Instant.now().isBefore(stop)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
                    seen.add(record.key() + " " + header(record, CloudEventHeaders.TYPE));
                }
                long raised = seen.stream().filter(s -> s.endsWith(AT_RISK) || s.endsWith(BREACHED)).count();
                if (stop == null && raised >= wanted) {
                    stop = Instant.now().plusSeconds(4);
                }
                if (stop == null && Instant.now().isAfter(giveUp)) {
                    break; // the assertions say what is missing
                }
            }
        }
        return byKey;
    }

    /** Per log file, the at-risk and breached events its instance reported raising. */
    private static Map<String, long[]> raisedPerInstance() throws IOException {
        Map<String, long[]> raised = new LinkedHashMap<>();
        for (String name : List.of("followup-a", "followup-b", "followup-b-restarted")) {
            long[] sums = new long[2];
            for (String line : Files.readAllLines(logs.resolve(name + ".log"), StandardCharsets.UTF_8)) {
                Matcher m = RAISED.matcher(line);
                if (m.find()) {
                    sums[0] += Long.parseLong(m.group(1));
                    sums[1] += Long.parseLong(m.group(2));
                }
            }
            raised.put(name, sums);
        }
        return raised;
    }

    /** A packaged followup-service sweeping every second (the scheduler's fastest), one follow-up per claim. */
    private static ServiceProcess startInstance(String name) throws IOException {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        // As the local stack configures it: bearer tokens verified against the development issuer's keys.
        config.put("mp.jwt.verify.publickey.location", signingKeys.jwksLocation());
        config.put("mp.jwt.verify.issuer", SigningKeys.DEV_ISSUER);
        config.put("hotline.followup.deadlines.every", "1s");
        config.put("hotline.followup.deadlines.batch-size", "1");
        Path root = Path.of(System.getProperty("hotline.root", "..")).toAbsolutePath().normalize();
        ServiceProcess instance = ServiceProcess.start(name, root.resolve(
                "followup-service/target/quarkus-app/quarkus-run.jar"), FreePorts.allocate(1)[0], config,
                ServiceJvm.detect(), logs.resolve(name + ".log"));
        instances.add(instance);
        return instance;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
