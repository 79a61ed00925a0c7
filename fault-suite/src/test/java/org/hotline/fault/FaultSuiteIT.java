package org.hotline.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.contracts.Topics;
import org.hotline.local.Folders;
import org.hotline.local.FreePorts;
import org.hotline.local.LocalStack;
import org.hotline.local.ServiceProcess;
import org.hotline.local.StackOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fault cases against the real system: the four packaged services as processes, a Kafka broker process
 * and PostgreSQL, all from {@link LocalStack}. Each case submits tips over the public HTTP API while a fault is
 * injected, waits until the system has settled, then counts what the clients were told against what every service
 * stored and published ({@link SystemAudit}), prints one line of figures and fails on any loss or duplicate.
 *
 * <p>Settings (system properties, see the module's pom): {@code fault.tips} tips per case, {@code fault.load-seconds}
 * the shortest time a case's load takes (pacing), {@code fault.concurrency} concurrent clients, {@code fault.cases}
 * {@code all} or a comma-separated list of case names.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    private static final int TIPS = Integer.getInteger("fault.tips", 150);
    private static final Duration LOAD = Duration.ofSeconds(Integer.getInteger("fault.load-seconds", 12));
    private static final int CONCURRENCY = Integer.getInteger("fault.concurrency", 16);
    private static final Set<String> CASES = Set.of(System.getProperty("fault.cases", "all").split(","));
    private static final Duration GRACE = Duration.ofSeconds(30);
    /** The outages of the short cases, and of the long ones (the full version's, 0 = left out). */
    private static final Duration BROKER_OUTAGE = Duration.ofSeconds(10);
    private static final Duration POSTGRES_OUTAGE = Duration.ofSeconds(5);
    private static final Duration LONG_OUTAGE = Duration.ofSeconds(Integer.getInteger("fault.long-outage-seconds", 0));
    /** A run's keys differ from any earlier run's, so a kept database never mixes runs. */
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    private static Path data;
    private static LocalStack stack;
    private static SystemAudit audit;
    private static final List<String> summaries = new ArrayList<>();

    private String keyPrefix;
    private Map<TopicPartition, Long> mark;
    private long caseStart;

    @BeforeAll
    static void startTheSystem() throws Exception {
        Path root = Path.of(System.getProperty("hotline.root", "..")).toAbsolutePath().normalize();
        data = Files.createTempDirectory("hotline-fault-suite");
        int[] ports = FreePorts.allocate(7);
        long begin = System.nanoTime();
        // One client submits every tip: intake's per-client limit (10 per 10 minutes) would refuse the load.
        stack = LocalStack.start(StackOptions.defaults(root).withDataDirectory(data)
                .withPorts(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6]), System.out,
                Map.of("intake-service", Map.of("hotline.intake.submissions.per-client", "100000000")));
        audit = new SystemAudit(stack.postgres().jdbcUrl(), stack.kafka().bootstrapServers());
        System.out.printf("[fault-suite] stack up in %.0f s; %d tips per case, %d clients, load paced over at least"
                + " %d s; %d cores; logs in %s%n", (System.nanoTime() - begin) / 1e9, TIPS, CONCURRENCY,
                LOAD.toSeconds(), Runtime.getRuntime().availableProcessors(), data.resolve("logs"));
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        System.out.println("[fault-suite] === summary ===");
        summaries.forEach(s -> System.out.println("[fault-suite] " + s));
        if (stack != null) {
            stack.close();
        }
        if (data != null) {
            // The logs stay for a look after a failure; the broker's and the database's data go.
            Folders.deleteTree(data.resolve("kafka"));
            Folders.deleteTree(data.resolve("postgres"));
        }
    }

    /** Every process of the stack is ready again before the next case, whatever the last one did. */
    @AfterEach
    void systemIsReadyAgain() throws Exception {
        if (!stack.postgres().isAcceptingConnections()) {
            stack.postgres().startAgain(Duration.ofMinutes(1));
        }
        if (!stack.kafka().process().isAlive()) {
            stack.kafka().start(Duration.ofMinutes(2));
        }
        for (ServiceProcess service : stack.services()) {
            if (service.process().isAlive()) {
                service.awaitReady(Duration.ofMinutes(2));
            }
        }
    }

    @Test
    @Order(1)
    void brokerKilledAndRestartedDuringSubmissions() throws Exception {
        brokerOutage("broker-kill", BROKER_OUTAGE);
    }

    /**
     * The broker away for minutes (the full version's {@code fault.long-outage-seconds}, 3 minutes), longer than the
     * relay's producer waits for an acknowledgement (delivery.timeout.ms, 2 minutes) and than SmallRye's default
     * unprocessed-record max age (1 minute): every relay batch meanwhile fails and is sent again, and no consumer
     * channel may die.
     */
    @Test
    @Order(7)
    void brokerDownForMinutesUnderLoad() throws Exception {
        assumeTrue(!LONG_OUTAGE.isZero(), "long outages run in the full version (-Pfault-full)");
        brokerOutage("broker-down-long", LONG_OUTAGE);
    }

    private void brokerOutage(String name, Duration outage) throws Exception {
        CaseReport report = begin(name);
        // Held open so that submissions go on after the restart too, whatever the broker's recovery takes.
        TipLoad load = load(TipLoad.Retry.UNTIL_ACCEPTED).holdOpen().start();
        load.awaitProgress(0.3);
        int at = load.finished();
        Instant down = Instant.now();
        stack.kafka().kill();
        Thread.sleep(outage.toMillis());
        stack.kafka().start(Duration.ofMinutes(2));
        int during = load.finished() - at;
        report.note(String.format("broker SIGKILLed after %d tips, listening again %.1f s later; %d tips answered"
                + " while it was down", at, seconds(down), during));
        load.awaitMore(Math.max(TIPS / 10, 1));
        finishWithLiveConsumers(report, load.awaitDone(), load);
    }

    @Test
    @Order(2)
    void intakeKilledMidLoad() throws Exception {
        CaseReport report = begin("intake-kill");
        TipLoad load = load(TipLoad.Retry.UNTIL_ACCEPTED).holdOpen().start();
        load.awaitProgress(0.3);
        int at = load.finished();
        stack.service("intake-service").kill();
        Instant killed = Instant.now();
        stack.restart("intake-service");
        report.note(String.format("intake SIGKILLed after %d tips, ready again %.1f s later; %d attempts without an"
                + " answer were retried with the same Idempotency-Key", at, seconds(killed), load.failedAttempts()));
        load.awaitMore(TIPS / 10);
        finish(report, load.awaitDone(), load);
    }

    @Test
    @Order(3)
    void postgresStoppedImmediatelyDuringSubmissions() throws Exception {
        postgresOutage("postgres-stop", POSTGRES_OUTAGE);
    }

    /**
     * PostgreSQL away for minutes (the full version's {@code fault.long-outage-seconds}): the consumers retry the record
     * in hand far past SmallRye's default unprocessed-record max age (1 minute), which would fail their channels were
     * the check not off; the relays back off. Afterwards every accepted tip is stored, decided and followed up once.
     */
    @Test
    @Order(8)
    void postgresDownForMinutesUnderLoad() throws Exception {
        assumeTrue(!LONG_OUTAGE.isZero(), "long outages run in the full version (-Pfault-full)");
        postgresOutage("postgres-down-long", LONG_OUTAGE);
    }

    private void postgresOutage(String name, Duration outage) throws Exception {
        CaseReport report = begin(name);
        TipLoad load = load(TipLoad.Retry.NONE).holdOpen().start();
        load.awaitProgress(0.3);
        int at = load.finished();
        Instant down = Instant.now();
        stack.postgres().stopImmediately();
        Thread.sleep(outage.toMillis());
        stack.postgres().startAgain(Duration.ofMinutes(1));
        report.note(String.format("PostgreSQL stopped (pg_ctl stop -m immediate) after %d tips, accepting"
                + " connections again %.1f s later", at, seconds(down)));
        load.awaitMore(TIPS / 5);
        List<TipLoad.Outcome> first = load.awaitDone();

        // Every answer is a 2xx or an error (the load stops the case on any other 4xx); count the errors by kind.
        Map<String, Long> errors = first.stream().filter(o -> !o.accepted())
                .collect(Collectors.groupingBy(o -> o.status() < 0 ? "no answer (" + o.lastError() + ")"
                        : "HTTP " + o.status(), Collectors.counting()));
        List<String> failedKeys = first.stream().filter(o -> !o.accepted()).map(TipLoad.Outcome::key).toList();
        long storedAnyway = audit.storedKeys(keyPrefix).stream().filter(failedKeys::contains).count();
        report.note("first pass: " + (first.size() - failedKeys.size()) + " accepted, errors " + errors
                + "; " + storedAnyway + " of the errored tips were stored nevertheless");
        assertThat(failedKeys).as("tips refused while PostgreSQL was down").isNotEmpty();

        // A client that got an error sends the same tip with the same key once the database is back: each is then
        // accepted once, with the reference of the tip already stored, if any.
        TipLoad retry = new TipLoad(stack.url("intake-service"), failedKeys, CONCURRENCY,
                TipLoad.Retry.UNTIL_ACCEPTED).start();
        Map<String, TipLoad.Outcome> outcomes = new HashMap<>();
        first.forEach(o -> outcomes.put(o.key(), o));
        retry.awaitDone().forEach(o -> outcomes.put(o.key(), o));
        report.note("errored tips sent again with their Idempotency-Key after the restart: " + failedKeys.size()
                + ", accepted " + outcomes.values().stream().filter(o -> failedKeys.contains(o.key()))
                        .filter(TipLoad.Outcome::accepted).count());
        finishWithLiveConsumers(report, List.copyOf(outcomes.values()), load);
    }

    @Test
    @Order(4)
    void routingScaledOneTwoOneUnderLoad() throws Exception {
        CaseReport report = begin("routing-scale");
        TipLoad load = load(TipLoad.Retry.UNTIL_ACCEPTED).holdOpen().start();
        load.awaitProgress(0.2);
        int up = load.finished();
        Instant scaling = Instant.now();
        ServiceProcess second = stack.startInstance("routing-service", "routing-service-" + RUN);
        double upSeconds = seconds(scaling);
        long beforeTwo = applied(stack.service("routing-service"));
        load.awaitMore(Math.max(TIPS / 4, 1));
        // The load is held open until the second instance has decided tips of its own: when its consumer joins the
        // group is the broker's business, so the case waits for the fact (bounded) rather than a fixed time.
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        while (applied(second) <= 0 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(250);
        }
        int down = load.finished();
        long byFirst = applied(stack.service("routing-service")) - beforeTwo;
        long bySecond = applied(second);
        int exit = second.terminate(GRACE);
        report.note(String.format("second routing instance started after %d tips (ready in %.1f s), stopped with"
                + " SIGTERM after %d (exit %d); while both ran, tips decided by the first %d, by the second %d",
                up, upSeconds, down, exit, byFirst, bySecond));
        if (bySecond <= 0) {
            report.failure("the second routing instance decided no tip: the scale-out was not exercised");
        }
        finish(report, load.awaitDone(), load);
    }

    @Test
    @Order(5)
    void onePoisonRecordAmongTheTips() throws Exception {
        CaseReport report = begin("poison-record");
        String poisonId = UUID.randomUUID().toString();
        String poisonKey = "POISON-" + RUN;
        try (HealthWatch health = new HealthWatch(stack.url("routing-service") + "/q/health")) {
            TipLoad load = load(TipLoad.Retry.UNTIL_ACCEPTED).start();
            load.awaitProgress(0.3);
            int at = load.finished();
            publishPoison(poisonKey, poisonId);
            List<TipLoad.Outcome> outcomes = load.awaitDone();
            audit.awaitSettled(keyPrefix, settleTimeout());
            long deadLettered = audit.topics().read(List.of(Topics.ROUTING_DEAD_LETTER), mark).stream()
                    .filter(e -> poisonId.equals(e.id()) || poisonKey.equals(e.key())).count();
            report.figure("poison records in " + Topics.ROUTING_DEAD_LETTER, deadLettered);
            report.note(String.format("poison record (breaks the tip.received schema) published after %d tips;"
                    + " routing health asked %d times, not UP %d times", at, health.checks(),
                    health.failures().size()));
            if (deadLettered != 1) {
                report.failure("the poison record is in the dead-letter topic " + deadLettered + " times, not once");
            }
            if (!health.failures().isEmpty()) {
                report.failure("routing-service's health was not UP: " + health.failures().stream().limit(5).toList());
            }
            if (!stack.service("routing-service").process().isAlive()) {
                report.failure("routing-service exited");
            }
            finish(report, outcomes, load);
        }
    }

    @Test
    @Order(6)
    void sigtermUnderLoad() throws Exception {
        CaseReport report = begin("sigterm");
        TipLoad load = load(TipLoad.Retry.UNTIL_ACCEPTED).holdOpen().start();
        for (String service : List.of("routing-service", "followup-service", "intake-service")) {
            load.awaitMore(Math.max(TIPS / 6, 1));
            int at = load.finished();
            Instant term = Instant.now();
            int exit = stack.service(service).terminate(GRACE);
            double stopped = seconds(term);
            stack.restart(service);
            report.note(String.format("%s SIGTERMed after %d tips: exit %d after %.1f s, ready again %.1f s after the"
                    + " signal", service, at, exit, stopped, seconds(term)));
            if (exit == 137) {
                report.failure(service + " did not stop within " + GRACE.toSeconds() + " s of SIGTERM");
            }
        }
        load.awaitMore(Math.max(TIPS / 6, 1));
        finish(report, load.awaitDone(), load);
    }

    // --- the case frame ---

    private CaseReport begin(String name) {
        assumeTrue(CASES.contains("all") || CASES.contains(name), name + " not selected (fault.cases)");
        keyPrefix = name + "-" + RUN;
        mark = audit.mark();
        caseStart = System.nanoTime();
        return new CaseReport(name);
    }

    private TipLoad load(TipLoad.Retry retry) {
        return new TipLoad(stack.url("intake-service"), keyPrefix, TIPS, CONCURRENCY, LOAD, retry);
    }

    private void finish(CaseReport report, List<TipLoad.Outcome> outcomes, TipLoad load) throws Exception {
        SystemAudit.Progress settled = audit.awaitSettled(keyPrefix, settleTimeout());
        if (!settled.settled()) {
            report.note("not settled after " + settleTimeout().toSeconds() + " s: " + settled);
        }
        audit.audit(keyPrefix, outcomes, mark, report);
        report.figure("failed attempts", load.failedAttempts());
        double seconds = (System.nanoTime() - caseStart) / 1e9;
        report.note(String.format("load %.1f s (%.0f tips/s answered), settled %.1f s after the load", load.seconds(),
                outcomes.size() / load.seconds(), seconds - load.seconds()));
        report.print(seconds);
        summaries.add(report.summary(seconds));
        report.assertClean();
    }

    /**
     * As {@link #finish}, and then the consumers must be alive and UP: a consumer channel that SmallRye failed during
     * the outage would make its service's health DOWN (and stop its consumption until a restart).
     */
    private void finishWithLiveConsumers(CaseReport report, List<TipLoad.Outcome> outcomes, TipLoad load)
            throws Exception {
        audit.awaitSettled(keyPrefix, settleTimeout());
        for (String consumer : List.of("routing-service", "followup-service")) {
            ServiceProcess service = stack.service(consumer);
            if (!service.process().isAlive()) {
                report.failure(consumer + " exited");
                continue;
            }
            int status = healthStatus(service);
            if (status != 200) {
                report.failure(consumer + "'s health answered " + status + " after the outage: a channel died?");
            }
        }
        finish(report, outcomes, load);
    }

    private static int healthStatus(ServiceProcess service) throws InterruptedException {
        // Readiness covers the Kafka channels; give a broker just back a moment to be seen again.
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        int status = -1;
        while (Instant.now().isBefore(giveUp)) {
            try {
                status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.baseUrl()
                        + "/q/health")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return status;
                }
            } catch (IOException e) {
                status = -1;
            }
            Thread.sleep(500);
        }
        return status;
    }

    private static Duration settleTimeout() {
        return Duration.ofSeconds(120 + TIPS / 20).plus(LONG_OUTAGE);
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    /**
     * A record on the tips topic with valid CloudEvents headers whose payload breaks the tip.received schema:
     * routing can never process it and must move it to its dead-letter topic and go on.
     */
    private static void publishPoison(String key, String id) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> poison = new ProducerRecord<>(Topics.INTAKE_TIPS, key,
                    "{\"reference\": 42, \"receivedAt\": \"not a time\"}");
            header(poison, CloudEventHeaders.ID, id);
            header(poison, CloudEventHeaders.TYPE, "hotline.tip.received");
            header(poison, CloudEventHeaders.SOURCE, "/fault-suite");
            header(poison, CloudEventHeaders.TIME, Instant.now().toString());
            header(poison, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
            header(poison, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
            producer.send(poison).get();
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static final Pattern APPLIED = Pattern.compile(
            "^hotline_inbox_events_total\\{(?=[^}]*consumer=\"routing-tips\")(?=[^}]*outcome=\"applied\")[^}]*} "
                    + "([0-9.eE+]+)$", Pattern.MULTILINE);

    /** Tips a routing instance decided, from its own metrics (operations endpoint, no staff data). */
    private static long applied(ServiceProcess routing) throws InterruptedException {
        try {
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(routing.baseUrl() + "/q/metrics")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = APPLIED.matcher(metrics.body());
            return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
        } catch (IOException e) {
            return -1;
        }
    }
}
