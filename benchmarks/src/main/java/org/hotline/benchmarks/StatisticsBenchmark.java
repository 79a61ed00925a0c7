package org.hotline.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.contracts.EventCodec;
import org.hotline.contracts.EventType;
import org.hotline.contracts.events.FollowupCompleted;
import org.hotline.contracts.events.FollowupScheduled;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.events.ReferralIssued;
import org.hotline.contracts.events.RoutingDecided;
import org.hotline.contracts.events.TipReceived;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.CallerType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ConsentBasis;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.contracts.vocabulary.Urgency;
import org.hotline.local.FreePorts;
import org.hotline.local.LocalStack;
import org.hotline.local.StackOptions;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Prints the statistics read model's figures (issue 17): {@code GET /api/v1/statistics} over a year of data at
 * 1,000,000 contacts (target p95 &lt; 50 ms), beside a trivial endpoint of the same service measured in the same run
 * ({@code GET /api/v1/sla/quote}), and how fast the read model consumes events against 200 tips/s.
 *
 * <p>The year is <b>bulk-loaded as cells</b>, exactly the rows the consumer would have written for those contacts
 * (each count on its day, ISO week and month, under its state and every state, and each period's first-response
 * median), with COPY into generation 1 of {@code followup.statistics_cell}: consuming five million events first would take longer than the measurement and
 * measures something else. The consumption rate is measured separately, <b>through the consumer path</b>: tips' events
 * (received, decided, a referral issued, a follow-up scheduled and completed: five per tip) are produced to the real
 * topics, and the time until the statistics consumer has applied them all is read from {@code processed_event}.
 *
 * <p>Options: {@code --root}, {@code --contacts=1000000}, {@code --days=365}, {@code --warmup=30},
 * {@code --requests=200}, {@code --tips=10000} (for the consumption rate).
 */
public final class StatisticsBenchmark {

    private static final Duration TARGET = Duration.ofMillis(50);
    private static final double TIPS_PER_SECOND = 200;
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final String[] STATES = {"CA", "TX", "FL", "NY", "PA", "IL", "OH", "GA", "NC", "MI", "NJ", "VA",
        "WA", "AZ", "TN", "MA", "IN", "MO", "MD", "WI", "CO", "MN", "SC", "AL", "LA", "KY", "OR", "OK", "CT", "UT",
        "IA", "NV", "AR", "MS", "KS", "NM", "NE", "ID", "WV", "HI", "NH", "ME", "RI", "MT", "DE", "SD", "ND", "AK",
        "DC", "VT", "WY", "UNKNOWN"};
    private static final int COPY_BATCH_ROWS = 20_000;
    /**
     * The median of every period's first-response histogram, as the consumer keeps it beside the histogram
     * ({@code statistics_median}, recomputed by each batch that moves it): computed once from the loaded cells.
     */
    private static final String MEDIANS = """
            INSERT INTO followup.statistics_median (generation, period, state, day, responses, bucket)
            SELECT 1, period, state, day, responses, CAST(value AS int)
              FROM (SELECT period, state, day, value, count,
                           sum(count) OVER (PARTITION BY period, state, day ORDER BY value ROWS UNBOUNDED PRECEDING)
                               AS running,
                           sum(count) OVER (PARTITION BY period, state, day) AS responses
                      FROM followup.statistics_cell
                     WHERE generation = 1 AND figure = 'firstResponseQuarterHours') h
             WHERE 2 * running >= responses + 1 AND 2 * (running - count) < responses + 1""";

    private StatisticsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args, List.of("root", "contacts", "days", "warmup", "requests",
                "tips"));
        Path root = arguments.folder("root");
        int contacts = arguments.integer("contacts", 1_000_000);
        int days = arguments.integer("days", 365);
        int warmup = arguments.integer("warmup", 30);
        int requests = arguments.integer("requests", 200);
        int tips = arguments.integer("tips", 10_000);
        if (contacts < 1 || days < 1 || days > 366 || requests < 1 || warmup < 0 || tips < 1) {
            throw new IllegalArgumentException("--contacts >= 1, 1 <= --days <= 366, --requests >= 1, --warmup >= 0,"
                    + " --tips >= 1");
        }
        Path jar = root.resolve("followup-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": run ./mvnw -DskipTests package first");
        }
        Machine.print("Hotline statistics benchmark");
        Path data = ScratchFolder.create();
        int[] ports = FreePorts.allocate(7);
        StackOptions options = StackOptions.defaults(root).withDataDirectory(data)
                .withPorts(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6]);
        try (LocalStack stack = LocalStack.start(options, System.out)) {
            String jdbcUrl = "jdbc:postgresql://localhost:" + ports[0] + "/hotline";
            LocalDate to = LocalDate.now(ZONE).minusDays(1);
            LocalDate from = to.minusDays(days - 1);
            long loadStart = System.nanoTime();
            long cells = load(jdbcUrl, contacts, from, days);
            System.out.printf("%nLoaded %,d cells and medians for %,d contacts over %d days (%s to %s) in %.1f s%n", cells,
                    contacts, days, from, to, (System.nanoTime() - loadStart) / 1e9);

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String token = stack.tokens().mint("statistics-benchmark", "supervisor", null, Duration.ofHours(1));
            String base = stack.url("followup-service");
            String range = "from=" + from + "&to=" + to;
            measure(http, token, "reference: GET /api/v1/sla/quote", URI.create(base + "/api/v1/sla/quote"), warmup,
                    requests, false);
            for (String query : List.of("granularity=month", "granularity=week", "granularity=day",
                    "granularity=month&state=CA", "granularity=day&state=WY")) {
                measure(http, token, "GET /api/v1/statistics?" + query + " (" + days + " days)",
                        URI.create(base + "/api/v1/statistics?" + range + "&" + query), warmup, requests, true);
            }
            consumption(stack, jdbcUrl, tips);
        } finally {
            ScratchFolder.deleteQuietly(data);
        }
    }

    /** The cells the consumer would write for {@code contacts} contacts spread over the days. */
    private static long load(String jdbcUrl, int contacts, LocalDate from, int days) throws Exception {
        SplittableRandom random = new SplittableRandom(20261203L);
        List<String> values = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        // One index per (figure, value) the contacts below produce.
        int callType = add(figures, values, "contactsByCallType", names(CallType.values()));
        int callerType = add(figures, values, "contactsByCallerType", names(CallerType.values()));
        int channel = add(figures, values, "contactsByChannel", names(Channel.values()));
        int urgency = add(figures, values, "contactsByUrgency", names(Urgency.values()));
        int trafficking = add(figures, values, "tipsByTraffickingType", names(TraffickingType.values()));
        int issued = add(figures, values, "referralsIssuedByNeed", names(Need.values()));
        int acknowledged = add(figures, values, "referralsAcknowledgedByNeed", names(Need.values()));
        int escalated = add(figures, values, "referralsEscalatedByNeed", names(Need.values()));
        int followups = add(figures, values, "followups",
                List.of("COMPLETED_WITHIN_TARGET", "COMPLETED_AFTER_TARGET", "BREACHED"));
        List<String> buckets = new ArrayList<>();
        for (int b = 0; b <= 800; b++) {
            // As the consumer writes them: three digits (StatisticsRecorder.bucketValue).
            buckets.add(String.format(java.util.Locale.ROOT, "%03d", b));
        }
        int response = add(figures, values, "firstResponseQuarterHours", buckets);
        int width = values.size();
        int[] counts = new int[days * STATES.length * width];
        for (int i = 0; i < contacts; i++) {
            int day = random.nextInt(days);
            int state = (int) Math.min(STATES.length - 1, Math.abs(random.nextGaussian()) * 12);
            int at = (day * STATES.length + state) * width;
            int type = random.nextInt(CallType.values().length);
            counts[at + callType + type]++;
            counts[at + callerType + random.nextInt(CallerType.values().length)]++;
            counts[at + channel + random.nextInt(Channel.values().length)]++;
            counts[at + urgency + (random.nextInt(4) == 0 ? 0 : 1)]++;
            if (CallType.values()[type] == CallType.TIP) {
                counts[at + trafficking + random.nextInt(TraffickingType.values().length)]++;
            }
            for (int r = random.nextInt(3); r > 0; r--) {
                int need = random.nextInt(Need.values().length);
                counts[at + issued + need]++;
                if (random.nextInt(10) < 8) {
                    counts[at + acknowledged + need]++;
                } else {
                    counts[at + escalated + need]++;
                }
            }
            if (random.nextInt(3) == 0) {
                counts[at + followups + (random.nextInt(10) == 0 ? 1 : 0)]++;
                counts[at + response + Math.min(800, (int) Math.abs(random.nextGaussian() * 40) + 8)]++;
            }
        }
        long rows = 0;
        try (Connection db = DriverManager.getConnection(jdbcUrl, "followup", "followup")) {
            db.setAutoCommit(false);
            CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY followup.statistics_cell "
                    + "(generation, period, state, day, figure, value, count) FROM STDIN WITH (FORMAT csv)");
            StringBuilder batch = new StringBuilder();
            long[] nation = new long[width];
            long[][] monthByState = new long[STATES.length + 1][width];
            long[][] weekByState = new long[STATES.length + 1][width];
            LocalDate month = from.withDayOfMonth(1);
            LocalDate week = monday(from);
            for (int d = 0; d <= days; d++) {
                LocalDate day = from.plusDays(d);
                if (d == days || !monday(day).equals(week)) {
                    rows += period(batch, 'W', week, weekByState, figures, values);
                    week = monday(day);
                }
                if (d == days || !day.withDayOfMonth(1).equals(month)) {
                    rows += period(batch, 'M', month, monthByState, figures, values);
                    month = day.withDayOfMonth(1);
                }
                if (d == days) {
                    break;
                }
                Arrays.fill(nation, 0);
                for (int s = 0; s < STATES.length; s++) {
                    int at = (d * STATES.length + s) * width;
                    for (int v = 0; v < width; v++) {
                        int c = counts[at + v];
                        if (c > 0) {
                            rows += row(batch, 'D', STATES[s], day, figures.get(v), values.get(v), c);
                            nation[v] += c;
                            for (long[][] totals : List.of(weekByState, monthByState)) {
                                totals[s][v] += c;
                                totals[STATES.length][v] += c;
                            }
                        }
                    }
                }
                for (int v = 0; v < width; v++) {
                    if (nation[v] > 0) {
                        rows += row(batch, 'D', "*", day, figures.get(v), values.get(v), nation[v]);
                    }
                }
                if (batch.length() > COPY_BATCH_ROWS * 60) {
                    write(copy, batch);
                }
            }
            write(copy, batch);
            copy.endCopy();
            try (Statement statement = db.createStatement()) {
                rows += statement.executeUpdate(MEDIANS);
            }
            db.commit();
            try (Statement statement = db.createStatement()) {
                db.setAutoCommit(true);
                statement.execute("VACUUM ANALYZE followup.statistics_cell_g1");
                statement.execute("VACUUM ANALYZE followup.statistics_median_g1");
            }
        }
        return rows;
    }

    /** A week's (W, from its Monday) or a month's (M) rows, per state and for every state (the last line). */
    private static long period(StringBuilder batch, char period, LocalDate start, long[][] byState,
            List<String> figures, List<String> values) {
        long rows = 0;
        for (int s = 0; s < byState.length; s++) {
            for (int v = 0; v < byState[s].length; v++) {
                if (byState[s][v] > 0) {
                    rows += row(batch, period, s == STATES.length ? "*" : STATES[s], start, figures.get(v),
                            values.get(v), byState[s][v]);
                }
            }
            Arrays.fill(byState[s], 0);
        }
        return rows;
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static int add(List<String> figures, List<String> values, String figure, List<String> names) {
        int start = values.size();
        for (String name : names) {
            figures.add(figure);
            values.add(name);
        }
        return start;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static int row(StringBuilder batch, char period, String state, LocalDate day, String figure, String value,
            long count) {
        batch.append("1,").append(period).append(',').append(state).append(',').append(day).append(',')
                .append(figure).append(',').append(value).append(',').append(count).append('\n');
        return 1;
    }

    private static void write(CopyIn copy, StringBuilder batch) throws Exception {
        byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        batch.setLength(0);
    }

    private static void measure(HttpClient http, String token, String what, URI uri, int warmup, int requests,
            boolean target) throws Exception {
        for (int i = 0; i < warmup; i++) {
            get(http, uri, token);
        }
        long[] nanos = new long[requests];
        int bytes = 0;
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            bytes = get(http, uri, token).length();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double p95 = Percentiles.millis(nanos, 95);
        System.out.printf("%s: %d requests, p50 %.1f  p95 %.1f  p99 %.1f  max %.1f ms (%,d bytes)%s%n", what,
                requests, Percentiles.millis(nanos, 50), p95, Percentiles.millis(nanos, 99),
                nanos[nanos.length - 1] / 1e6, bytes,
                target ? "  target p95 < " + TARGET.toMillis() + " ms: " + (p95 < TARGET.toMillis() ? "PASS" : "FAIL")
                        : "");
    }

    private static String get(HttpClient http, URI uri, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri.getPath() + " answered " + response.statusCode());
        }
        return response.body();
    }

    /**
     * Produces each tip's five events as fast as the producer goes, then waits for the statistics consumer to have
     * applied them all, and prints its rate in tips/s against 200 tips/s.
     */
    private static void consumption(LocalStack stack, String jdbcUrl, int tips) throws Exception {
        EventCodec codec = new EventCodec();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        long before = applied(jdbcUrl);
        Instant now = Instant.now();
        long produceStart = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < tips; i++) {
                String reference = String.format("TIP-BENCH%06d", i);
                UUID referral = UUID.randomUUID();
                UUID followup = UUID.randomUUID();
                Location location = new Location(null, null, STATES[i % (STATES.length - 1)], null, "US");
                send(producer, codec, reference, new TipReceived(reference, now, Channel.WEB_FORM,
                        TraffickingType.LABOR, Set.of(), Set.of(Need.LABOR_RIGHTS), location, true, null, "en", false));
                send(producer, codec, reference, new RoutingDecided(UUID.randomUUID(), reference, ContactKind.TIP,
                        CallType.TIP, Channel.WEB_FORM, now, false, Urgency.NON_URGENT, Handling.IN_HOURS, false,
                        false, List.of(), List.of("benchmark"), now));
                send(producer, codec, reference, new ReferralIssued(referral, reference, UUID.randomUUID(),
                        "Benchmark partner", Need.LABOR_RIGHTS, Urgency.NON_URGENT, false,
                        ConsentBasis.NOT_LAW_ENFORCEMENT, false, Set.of(), location, now));
                send(producer, codec, followup.toString(), new FollowupScheduled(followup, reference, CallType.TIP,
                        Channel.WEB_FORM, now, now, now.plusSeconds(2 * 86400), now.plusSeconds(3 * 86400)));
                send(producer, codec, followup.toString(), new FollowupCompleted(followup, reference,
                        now.plusSeconds(3600), false));
            }
            producer.flush();
        }
        double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
        long events = 5L * tips;
        long consumeStart = produceStart;
        long done;
        // Tips' events also reach followup's decisions consumer (decisions), counted apart by its consumer name.
        while ((done = applied(jdbcUrl) - before) < events) {
            Thread.sleep(200);
            if ((System.nanoTime() - consumeStart) / 1e9 > 1800) {
                System.out.printf("Consumer applied only %,d of %,d events in 30 minutes%n", done, events);
                return;
            }
        }
        double seconds = (System.nanoTime() - consumeStart) / 1e9;
        double tipsPerSecond = tips / seconds;
        System.out.printf("Produced %,d events for %,d tips in %.1f s; the statistics consumer applied them all %.1f s "
                + "after the first was sent: %.0f events/s = %.0f tips/s; target %.0f tips/s: %s%n", events, tips,
                produceSeconds, seconds, events / seconds, tipsPerSecond, TIPS_PER_SECOND,
                tipsPerSecond >= TIPS_PER_SECOND ? "PASS" : "FAIL");
    }

    private static void send(KafkaProducer<String, String> producer, EventCodec codec, String key, Record payload) {
        EventType type = EventType.of(payload.getClass());
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), key, codec.encode(payload));
        record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, type.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SOURCE, "/hotline/benchmark".getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SPEC_VERSION,
                CloudEventHeaders.SPEC_VERSION_1_0.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON.getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    private static long applied(String jdbcUrl) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "followup", "followup");
                PreparedStatement statement = db.prepareStatement(
                        "SELECT count(*) FROM followup.processed_event WHERE consumer = 'followup-statistics-g1'");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
