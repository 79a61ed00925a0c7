package org.hotline.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.contracts.Topics;
import org.hotline.local.FreePorts;
import org.hotline.local.LocalStack;
import org.hotline.local.ServiceProcess;
import org.hotline.local.StackOptions;

/**
 * The whole system's figures in one run (issue 8): each service's start time and RSS, alone and all four together,
 * beside the set-up before issue 14; intake's sustained tips/s and
 * p50/p99 at a fixed concurrency; end-to-end time from {@code POST /api/v1/tips} to the first
 * {@code hotline.referral.issued} and to the {@code hotline.followup.scheduled} event at a fixed rate; and, on the same
 * PostgreSQL and broker in the same run, the references: PostgreSQL's raw single-row insert+commit and Kafka's raw
 * produce with {@code acks=all}, both at the same concurrency. Each result is printed with its ratio to its reference.
 * Printed, never asserted: figures depend on the machine.
 *
 * <p>Options: {@code --root=<repository root>} (the four services must be packaged), {@code --concurrency=16},
 * {@code --warmup-seconds=15}, {@code --seconds=30} (sustained intake), {@code --rate=200} and
 * {@code --e2e-seconds=60} (end to end), {@code --reference-seconds=15} (each reference), {@code --start-repeats=3}
 * (each start-up figure is the median of that many starts, see {@link StartupFigures}; 0 skips them),
 * {@code --anonymous-percent=90} (the tip mix: the share of tips whose reporter stays anonymous, as on the public's web
 * form, where anonymity is the default).
 *
 * <p>After the load it prints what the delivery machinery did: each service's relay lag (commit to the broker's
 * acknowledgement, from its {@code hotline.outbox.relay.lag} timer) and the relay batch failures in its log, which
 * should be none.
 */
public final class SystemBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");
    private static final String[] NEEDS = {"LABOR_RIGHTS", "SHELTER", "LEGAL", "IMMIGRATION", "MEDICAL",
        "DOMESTIC_VIOLENCE", "CASE_MANAGEMENT", "MENTAL_HEALTH"};
    private static final String[] PLACES = {
        "{\"city\":\"Salinas\",\"state\":\"CA\",\"postalCode\":\"93901\"}",
        "{\"city\":\"New York\",\"state\":\"NY\",\"postalCode\":\"10001\"}",
        "{\"city\":\"Houston\",\"state\":\"TX\",\"postalCode\":\"77002\"}",
        "{\"city\":\"Atlanta\",\"state\":\"GA\",\"postalCode\":\"30303\"}",
        "{\"state\":\"FL\"}"};

    /** Percentage of tips from anonymous reporters (--anonymous-percent). */
    private static int anonymousPercent = 90;

    private SystemBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args, List.of("root", "concurrency", "warmup-seconds", "seconds", "rate",
                "e2e-seconds", "reference-seconds", "start-repeats", "anonymous-percent"));
        Path root = arguments.folder("root");
        int concurrency = arguments.integer("concurrency", 16);
        int warmupSeconds = arguments.integer("warmup-seconds", 15);
        int seconds = arguments.integer("seconds", 30);
        int rate = arguments.integer("rate", 200);
        int e2eSeconds = arguments.integer("e2e-seconds", 60);
        anonymousPercent = arguments.integer("anonymous-percent", 90);
        int referenceSeconds = arguments.integer("reference-seconds", 15);
        int startRepeats = arguments.integer("start-repeats", 3);
        if (concurrency < 1 || concurrency > 256 || warmupSeconds < 0 || seconds < 1 || rate < 1 || rate > 1000
                || e2eSeconds < 1 || referenceSeconds < 1 || startRepeats < 0 || startRepeats > 20
                || anonymousPercent < 0 || anonymousPercent > 100) {
            throw new IllegalArgumentException("1 <= --concurrency <= 256, 1 <= --rate <= 1000, durations >= 1"
                    + " (--warmup-seconds >= 0), 0 <= --start-repeats <= 20 (0 skips the start-up figures),"
                    + " 0 <= --anonymous-percent <= 100");
        }
        for (String module : List.of("intake-service", "routing-service", "directory-service", "followup-service")) {
            if (!Files.isRegularFile(root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar"))) {
                throw new IllegalStateException(module + " is not packaged: run ./mvnw -DskipTests package in the"
                        + " repository first (or pass --root=<repository root>)");
            }
        }

        Machine.print("Hotline system benchmark");
        System.out.println("Tip mix: " + anonymousPercent + " % anonymous reporters (the web form's default), the rest"
                + " named with a phone; one need and a place each; every seventh with an urgent indicator");
        Path data = ScratchFolder.create();
        int[] ports = FreePorts.allocate(7);
        StackOptions options = StackOptions.defaults(root).withDataDirectory(data)
                .withPorts(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6]);
        System.out.println("Services on " + options.serviceJvm().describe());
        // All tips come from this one client: intake's per-client limit (10 per 10 minutes) would refuse the load.
        long stackStart = System.nanoTime();
        try (LocalStack stack = LocalStack.start(options, System.out,
                Map.of("intake-service", Map.of("hotline.intake.submissions.per-client", "1000000000")))) {
            double stackSeconds = (System.nanoTime() - stackStart) / 1e9;
            String jdbcUrl = stack.postgres().jdbcUrl();
            String intake = stack.url("intake-service");

            System.out.printf("%n--- Start (whole stack up in %.1f s) ---%n", stackSeconds);
            if (startRepeats > 0) {
                StartupFigures.measureAndPrint(stack, StartupFigures.setups(), startRepeats, options.serviceJvm());
            }
            Map<String, Long> rssAtStart = new java.util.TreeMap<>();
            for (ServiceProcess service : stack.services()) {
                rssAtStart.put(service.name(), service.rssKiB());
            }

            try (EventWatch events = new EventWatch(stack.kafka().bootstrapServers())) {
                String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
                if (warmupSeconds > 0) {
                    closedLoop(intake, "warm-" + run, concurrency, Duration.ofSeconds(warmupSeconds));
                    awaitDrained(jdbcUrl, Duration.ofMinutes(3));
                }

                // Intake alone: as many tips as the clients can get accepted, each client waiting for its answer.
                Load sustained = closedLoop(intake, "load-" + run, concurrency, Duration.ofSeconds(seconds));
                Duration drain = awaitDrained(jdbcUrl, Duration.ofMinutes(5));

                // End to end: a steady arrival rate well below capacity, timed to the events a partner would see.
                Map<String, Long> postedAt = openLoop(intake, "e2e-" + run, rate, Duration.ofSeconds(e2eSeconds));
                awaitDrained(jdbcUrl, Duration.ofMinutes(5));
                Thread.sleep(3_000);
                EndToEnd e2e = events.endToEnd(postedAt);

                Map<String, Long> rssAfter = new java.util.TreeMap<>();
                for (ServiceProcess service : stack.services()) {
                    rssAfter.put(service.name(), service.rssKiB());
                }

                // The references, on the same PostgreSQL and broker, services idle.
                Latencies postgres = References.postgresInsertCommit(jdbcUrl, concurrency,
                        Duration.ofSeconds(referenceSeconds));
                Latencies kafka = References.kafkaAcksAll(stack.kafka().bootstrapServers(), concurrency,
                        Duration.ofSeconds(referenceSeconds));

                System.out.println();
                System.out.println("--- Services ---");
                System.out.printf("%-20s %12s %14s %14s%n", "service", "ready after", "RSS at ready", "RSS after load");
                stack.readyAfter().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                        System.out.printf("%-20s %10.1f s %10d MiB %10d MiB%n", e.getKey(),
                                e.getValue().toMillis() / 1000.0, rssAtStart.getOrDefault(e.getKey(), -1L) / 1024,
                                rssAfter.getOrDefault(e.getKey(), -1L) / 1024));
                System.out.printf("%-20s %12s %14s %10d MiB%n", "kafka broker", "", "",
                        ServiceProcess.rssKiB(stack.kafka().process().pid()) / 1024);

                System.out.println();
                System.out.println("--- References (same machine, same run, concurrency " + concurrency + ") ---");
                System.out.printf("PostgreSQL single-row INSERT + COMMIT (synchronous_commit %s, fsync %s): %.0f/s,"
                        + " p50 %.1f ms, p99 %.1f ms (%d rows)%n", References.setting(jdbcUrl, "synchronous_commit"),
                        References.setting(jdbcUrl, "fsync"), postgres.perSecond(), postgres.p50(), postgres.p99(),
                        postgres.count());
                System.out.printf("Kafka produce, acks=all, idempotent, one record per send, waiting for its ack:"
                        + " %.0f/s, p50 %.1f ms, p99 %.1f ms (%d records)%n", kafka.perSecond(), kafka.p50(),
                        kafka.p99(), kafka.count());

                System.out.println();
                System.out.println("--- Intake, " + concurrency + " concurrent clients, " + seconds + " s ---");
                Latencies accepted = sustained.latencies();
                System.out.printf("POST /api/v1/tips: %.1f tips/s accepted (%d accepted, %d other answers, %d errors),"
                        + " p50 %.1f ms, p99 %.1f ms; the system had relayed, decided and scheduled them all %.1f s"
                        + " after the load%n", accepted.perSecond(), accepted.count(), sustained.otherAnswers(),
                        sustained.errors(), accepted.p50(), accepted.p99(), drain.toMillis() / 1000.0);
                System.out.printf("  tips/s as a ratio to PostgreSQL inserts/s: %.3f; to Kafka acks=all produces/s:"
                        + " %.3f%n", accepted.perSecond() / postgres.perSecond(),
                        accepted.perSecond() / kafka.perSecond());
                System.out.printf("  latency as a ratio to one PostgreSQL insert+commit: p50 %.1fx, p99 %.1fx%n",
                        accepted.p50() / postgres.p50(), accepted.p99() / postgres.p99());

                System.out.println();
                System.out.println("--- End to end, " + rate + " tips/s for " + e2eSeconds + " s ("
                        + postedAt.size() + " tips accepted) ---");
                // The raw floor of a chain: per hop one single-row commit (the state change and its outbox row) and
                // one acks=all produce (the relay). Referral: intake, routing. Follow-up: intake, routing, followup.
                e2e.print("POST -> first hotline.referral.issued", e2e.referral(), 2, postgres, kafka);
                e2e.print("POST -> hotline.followup.scheduled", e2e.followup(), 3, postgres, kafka);
                System.out.println("  (urgent tips owe no follow-up; every non-urgent web-form tip owes one)");

                System.out.println();
                System.out.println("--- Delivery: the outbox relays over the whole run ---");
                long batchFailures = 0;
                for (ServiceProcess service : stack.services()) {
                    RelayFigures.print(service);
                    batchFailures += Math.max(0, RelayFigures.logCounts(service)[0]);
                }
                System.out.println("Relay batch failures in the four services' logs over the whole run: "
                        + batchFailures + " (the goal is none)");
            }
        } finally {
            ScratchFolder.deleteQuietly(data);
        }
    }

    // --- load ---

    /** Accepted tips' latencies and what else came back. */
    private record Load(Latencies latencies, int otherAnswers, int errors) {
    }

    /** {@code concurrency} clients, each sending its next tip as soon as the last was answered, for {@code time}. */
    private static Load closedLoop(String intake, String prefix, int concurrency, Duration time) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        Latencies accepted = ClosedLoop.run(concurrency, time, () -> () -> {
            Answer answer = post(intake, prefix + "-" + next.getAndIncrement());
            if (answer.reference() == null) {
                (answer.status() > 0 ? other : errors).incrementAndGet();
            }
            return answer.reference() != null;
        });
        return new Load(accepted, other.get(), errors.get());
    }

    /** Tips sent at a steady {@code rate}, whatever the answers' times; returns each accepted tip's send time. */
    private static Map<String, Long> openLoop(String intake, String prefix, int rate, Duration time) throws Exception {
        Map<String, Long> postedAt = new ConcurrentHashMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(Math.max(8, rate));
        long start = System.nanoTime();
        long total = rate * time.toSeconds();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String key = prefix + "-" + i;
            sent.add(senders.submit(() -> {
                long at = System.nanoTime();
                Answer answer = post(intake, key);
                if (answer.reference() != null) {
                    postedAt.put(answer.reference(), at);
                }
                return null;
            }));
        }
        senders.shutdown();
        for (Future<?> s : sent) {
            s.get();
        }
        return postedAt;
    }

    private record Answer(int status, String reference) {
    }

    private static Answer post(String intake, String key) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(intake + "/api/v1/tips"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(tip(key))).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 == 2) {
                Matcher m = REFERENCE.matcher(answer.body());
                if (m.find()) {
                    return new Answer(answer.statusCode(), m.group(1));
                }
            }
            return new Answer(answer.statusCode(), null);
        } catch (IOException e) {
            return new Answer(-1, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A public web-form tip: one need, a place, an anonymous reporter in {@code anonymousPercent} of a hundred (the
     * form's default; each gets a follow-up code), the others named with a phone; every seventh with an urgent
     * indicator. Non-urgent web-form tips owe a staff reply.
     */
    private static String tip(String key) {
        int n = Math.floorMod(key.hashCode(), 1_000_003);
        String indicators = n % 7 == 0 ? "[\"NEEDS_WITHIN_24H\"]" : "[]";
        String reporter = n % 100 < anonymousPercent ? "" : """
                ,"reporter":{"anonymous":false,"callerType":"COMMUNITY_MEMBER","name":"Benchmark Reporter",\
                "phone":"555-010-%04d","language":"en","consentToLawEnforcement":%b}"""
                .formatted(n % 10_000, n % 3 == 0);
        return """
                {"description":"Synthetic benchmark tip: workers are kept at a site and not paid",\
                "traffickingType":"LABOR","indicators":%s,"needs":["%s"],"location":%s%s}"""
                .formatted(indicators, NEEDS[n % NEEDS.length], PLACES[n % PLACES.length], reporter);
    }

    /**
     * Waits until every stored tip is decided, every owed follow-up exists and the three outboxes are empty, read as
     * the database's owner. Returns how long that took.
     */
    private static Duration awaitDrained(String jdbcUrl, Duration timeout) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        long giveUp = start + timeout.toNanos();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement q = db.createStatement()) {
            while (System.nanoTime() < giveUp) {
                try (ResultSet rs = q.executeQuery("SELECT (SELECT count(*) FROM intake.contact)"
                        + " - (SELECT count(*) FROM routing.decision)"
                        + " + (SELECT count(*) FROM routing.decision d WHERE d.urgency = 'NON_URGENT'"
                        + "    AND NOT EXISTS (SELECT 1 FROM followup.followup f WHERE f.reference = d.reference))"
                        + " + (SELECT count(*) FROM intake.outbox) + (SELECT count(*) FROM routing.outbox)"
                        + " + (SELECT count(*) FROM followup.outbox)")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return Duration.ofNanos(System.nanoTime() - start);
                    }
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("The system did not process the load within " + timeout);
    }

    // --- end to end ---

    /** Per reference, when this benchmark first saw its referral and its follow-up event (nanoTime). */
    private static final class EventWatch implements AutoCloseable {

        private final Map<String, Long> referral = new ConcurrentHashMap<>();
        private final Map<String, Long> followup = new ConcurrentHashMap<>();
        private final Thread poller;
        private volatile boolean running = true;

        EventWatch(String bootstrapServers) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.REFERRALS, Topics.FOLLOWUPS)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            poller = new Thread(() -> {
                try (consumer) {
                    while (running) {
                        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                            long seen = System.nanoTime();
                            String type = header(r, CloudEventHeaders.TYPE);
                            Matcher m = REFERENCE.matcher(r.value() == null ? "" : r.value());
                            if (!m.find()) {
                                continue;
                            }
                            if ("hotline.referral.issued".equals(type)) {
                                referral.putIfAbsent(m.group(1), seen);
                            } else if ("hotline.followup.scheduled".equals(type)) {
                                followup.putIfAbsent(m.group(1), seen);
                            }
                        }
                    }
                }
            }, "event-watch");
            poller.setDaemon(true);
            poller.start();
        }

        EndToEnd endToEnd(Map<String, Long> postedAt) {
            return new EndToEnd(since(postedAt, referral), since(postedAt, followup), postedAt.size());
        }

        private static List<Long> since(Map<String, Long> postedAt, Map<String, Long> seen) {
            List<Long> nanos = new ArrayList<>();
            postedAt.forEach((reference, at) -> {
                Long when = seen.get(reference);
                if (when != null) {
                    nanos.add(when - at);
                }
            });
            return nanos;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            poller.join(10_000);
        }
    }

    private record EndToEnd(List<Long> referral, List<Long> followup, int tips) {

        void print(String what, List<Long> nanos, int hops, Latencies postgres, Latencies kafka) {
            if (nanos.isEmpty()) {
                System.out.println(what + ": no event seen");
                return;
            }
            Latencies l = Latencies.of(nanos, 1);
            double floor50 = hops * (postgres.p50() + kafka.p50());
            double floor99 = hops * (postgres.p99() + kafka.p99());
            System.out.printf("%s: %d of %d accepted tips, p50 %.0f ms, p99 %.0f ms, max %.0f ms; as a ratio to the"
                    + " raw floor of its %d hops (%d x (insert+commit + acks=all produce) = p50 %.1f ms, p99 %.1f ms):"
                    + " p50 %.0fx, p99 %.0fx%n",
                    what, l.count(), tips, l.p50(), l.p99(), l.maxMillis(), hops, hops, floor50, floor99,
                    l.p50() / floor50, l.p99() / floor99);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
