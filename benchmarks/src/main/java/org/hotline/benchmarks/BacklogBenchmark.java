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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.hotline.local.FreePorts;
import org.hotline.local.LocalStack;
import org.hotline.local.StackOptions;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Prints how long {@code GET /api/v1/followups/backlog} takes with a large open backlog (the follow-up issue's target:
 * under 100 ms with 1,000,000 open follow-ups). Starts the whole local stack on free loopback ports in a temporary
 * folder, copies the follow-ups straight into followup-service's table, then times sequential requests over HTTP.
 * The verdict is printed, never asserted: figures depend on the machine, so they come from a command anyone can run.
 *
 * <p>Options: {@code --root=<repository root>} (default: current folder; the four services must be packaged),
 * {@code --followups=1000000}, {@code --warmup=20}, {@code --requests=50}, {@code --pause-ms=0} (between measured
 * requests, to spread them over several of the service's count intervals), {@code --backlog-max-age=<duration>} (sets
 * followup-service's {@code hotline.followup.backlog.max-age}; {@code 0s} counts on every request, i.e. measures the
 * uncached summary). Besides the client-side latency it prints the service's own figures for the database counts it
 * made ({@code hotline.followup.backlog.counting} at {@code /q/metrics}), so cached and uncached costs are both shown,
 * and splits the measured requests into those answered from the shared summary and those that waited for a new count
 * (told apart by an {@code asOf} no earlier than the moment the request was sent). Requests carry a supervisor's
 * bearer token minted with the stack's development key, as staff callers do.
 */
public final class BacklogBenchmark {

    private static final Duration TARGET = Duration.ofMillis(100);
    private static final String BACKLOG_PATH = "/api/v1/followups/backlog";
    /** Synthetic rows spread over business hours in the calendar's zone, like real contacts. */
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final LocalTime OPENS = LocalTime.of(9, 0);
    private static final int OPEN_SECONDS = 8 * 3600;
    private static final String[] CALL_TYPES = {"TIP", "TIP", "TIP", "REFERRAL_REQUEST", "TRAINING_TA",
        "GENERAL_INFO", "RELATED"};
    private static final String[] CHANNELS = {"WEB_FORM", "WEB_FORM", "EMAIL", "EMAIL", "TEXT", "PHONE"};
    private static final int COPY_BATCH_ROWS = 10_000;

    private BacklogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args, List.of("root", "followups", "warmup", "requests", "pause-ms",
                "backlog-max-age"));
        Path root = arguments.folder("root");
        int followups = arguments.integer("followups", 1_000_000);
        int warmup = arguments.integer("warmup", 20);
        int requests = arguments.integer("requests", 50);
        int pauseMillis = arguments.integer("pause-ms", 0);
        String backlogMaxAge = arguments.text("backlog-max-age").orElse(null);
        if (followups < 1 || requests < 1 || warmup < 0 || requests > 10_000 || warmup > 10_000 || pauseMillis < 0
                || pauseMillis > 60_000) {
            throw new IllegalArgumentException("--followups >= 1, 1 <= --requests <= 10000, 0 <= --warmup <= 10000,"
                    + " 0 <= --pause-ms <= 60000");
        }
        if (backlogMaxAge != null && !backlogMaxAge.matches("[0-9]+(ms|s|m)|P[0-9A-Z.]+")) {
            throw new IllegalArgumentException("--backlog-max-age takes a duration such as 0s, 5s, 500ms or PT5S");
        }
        Path jar = root.resolve("followup-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": run ./mvnw -DskipTests package in the repository first"
                    + " (or pass --root=<repository root>)");
        }

        Machine.print("Hotline backlog-summary benchmark");
        Path data = ScratchFolder.create();
        int[] ports = FreePorts.allocate(7);
        StackOptions options = StackOptions.defaults(root).withDataDirectory(data)
                .withPorts(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6]);
        if (backlogMaxAge != null) {
            // The stack passes one set of JVM options to every service; the others must not reject a key under
            // "hotline." that only followup-service maps, so unknown-key validation is off for this run.
            List<String> jvm = new ArrayList<>(options.serviceJvm().options());
            jvm.add("-Dsmallrye.config.mapping.validate-unknown=false");
            jvm.add("-Dhotline.followup.backlog.max-age=" + backlogMaxAge);
            options = options.withServiceJvm(options.serviceJvm().withOptions(jvm));
        }
        System.out.println("Services on " + options.serviceJvm().describe());
        try (LocalStack stack = LocalStack.start(options, System.out)) {
            String jdbcUrl = "jdbc:postgresql://localhost:" + ports[0] + "/hotline";
            Instant now = Instant.now();
            long insertStart = System.nanoTime();
            long completed = insert(jdbcUrl, followups, now);
            double insertSeconds = (System.nanoTime() - insertStart) / 1e9;
            long analyzeStart = System.nanoTime();
            analyze(jdbcUrl);
            double analyzeSeconds = (System.nanoTime() - analyzeStart) / 1e9;
            System.out.printf("%nInserted %,d follow-ups (%,d open, %,d completed) in %.1f s; ANALYZE %.1f s%n",
                    followups, followups - completed, completed, insertSeconds, analyzeSeconds);

            URI backlog = URI.create(stack.url("followup-service") + BACKLOG_PATH);
            URI metrics = URI.create(stack.url("followup-service") + "/q/metrics");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            // The backlog is for staff: a supervisor's token from the stack's development key.
            String token = stack.tokens().mint("backlog-benchmark", "supervisor", null, Duration.ofHours(1));
            Counting atStart = Counting.read(http, metrics);
            for (int i = 0; i < warmup; i++) {
                get(http, backlog, token);
            }
            Counting afterWarmup = Counting.read(http, metrics);
            long[] nanos = new long[requests];
            String last = null;
            boolean[] freshCount = new boolean[requests];
            long measureStart = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                if (pauseMillis > 0 && i > 0) {
                    Thread.sleep(pauseMillis);
                }
                Instant sent = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                long start = System.nanoTime();
                last = get(http, backlog, token);
                nanos[i] = System.nanoTime() - start;
                // Counted after it was sent: this request found the shared summary stale and waited for the count.
                // A new asOf from before it was sent is a count made ahead, in the background, that nobody waited for.
                freshCount[i] = !asOf(last).isBefore(sent);
            }
            double measureSeconds = (System.nanoTime() - measureStart) / 1e9;
            Counting atEnd = Counting.read(http, metrics);
            System.out.printf("followup-service: hotline.followup.backlog.max-age %s (staleness bound: every answer"
                    + " was counted at most this long before its request)%s%n",
                    backlogMaxAge == null ? "default (15s)" : backlogMaxAge,
                    pauseMillis > 0 ? ", " + pauseMillis + " ms pause between measured requests" : "");
            printLatency(followups - completed, warmup, nanos);
            printSplit(nanos, freshCount);
            System.out.printf("Measured requests took %.1f s in all%n", measureSeconds);
            Machine.printLoadAverage("after the measured requests");
            Counting.print("during the measured requests", afterWarmup, atEnd);
            Counting.print("in the whole run (warm-up included)", atStart, atEnd);
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            References.printAgainstPostgres(stack.postgres().jdbcUrl(), sorted);
            System.out.println("Last answer: " + last);
        } finally {
            ScratchFolder.deleteQuietly(data);
        }
    }

    /**
     * Copies the follow-ups in one transaction. Received over the last ten business days (recent days weigh more),
     * clock from receipt, target two and breach three business days later (an approximation of the SLA policy that is
     * consistent for load). Deadlines already passed carry their raised-at time, as the sweep would have left them,
     * so the stack does not start publishing a million at-risk events during the measurement. About 1% completed.
     */
    private static long insert(String jdbcUrl, int count, Instant now) throws SQLException {
        SplittableRandom random = new SplittableRandom(20261124L);
        long completed = 0;
        try (Connection db = DriverManager.getConnection(jdbcUrl, "followup", "followup")) {
            db.setAutoCommit(false);
            CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY followup.followup (id, reference,"
                    + " call_type, channel, received_at, clock_starts_at, target_at, breach_at, status,"
                    + " at_risk_raised_at, breached_raised_at, completed_at) FROM STDIN WITH (FORMAT csv)");
            try {
                StringBuilder rows = new StringBuilder(COPY_BATCH_ROWS * 220);
                LocalDate today = LocalDate.ofInstant(now, ZONE);
                for (int i = 0; i < count; i++) {
                    double u = random.nextDouble();
                    Instant received = receivedAt(today, (int) (10 * u * u), random.nextInt(OPEN_SECONDS), now);
                    Instant target = plusBusinessDays(received, 2);
                    Instant breach = plusBusinessDays(received, 3);
                    boolean done = random.nextInt(100) == 0;
                    completed += done ? 1 : 0;
                    rows.append(new UUID(random.nextLong(), random.nextLong())).append(',')
                            .append(String.format("BENCH-%08d", i)).append(',')
                            .append(CALL_TYPES[random.nextInt(CALL_TYPES.length)]).append(',')
                            .append(CHANNELS[random.nextInt(CHANNELS.length)]).append(',')
                            .append(received).append(',').append(received).append(',')
                            .append(target).append(',').append(breach).append(',')
                            .append(done ? "COMPLETED" : "OPEN").append(',')
                            .append(!done && target.isBefore(now) ? target.toString() : "").append(',')
                            .append(!done && breach.isBefore(now) ? breach.toString() : "").append(',')
                            .append(done ? received.plus(Duration.ofHours(1)).toString() : "").append('\n');
                    if ((i + 1) % COPY_BATCH_ROWS == 0 || i == count - 1) {
                        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
                        copy.writeToCopy(bytes, 0, bytes.length);
                        rows.setLength(0);
                    }
                }
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            db.commit();
        }
        return completed;
    }

    /** A time within opening hours {@code daysBack} business days ago, never after {@code now}. */
    private static Instant receivedAt(LocalDate today, int daysBack, int secondsAfterOpening, Instant now) {
        LocalDate day = today;
        int back = daysBack;
        while (isWeekend(day) || back > 0) {
            if (!isWeekend(day)) {
                back--;
            }
            day = day.minusDays(1);
        }
        Instant received = day.atTime(OPENS).plusSeconds(secondsAfterOpening).atZone(ZONE).toInstant();
        return received.isAfter(now) ? receivedAt(today, daysBack + 1, secondsAfterOpening, now) : received;
    }

    private static Instant plusBusinessDays(Instant from, int days) {
        ZonedDateTime t = from.atZone(ZONE);
        int left = days;
        while (left > 0) {
            t = t.plusDays(1);
            if (!isWeekend(t.toLocalDate())) {
                left--;
            }
        }
        return t.toInstant();
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static void analyze(String jdbcUrl) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "followup", "followup");
                Statement statement = db.createStatement()) {
            statement.execute("ANALYZE followup.followup");
            // A fresh COPY leaves the visibility map unset; VACUUM lets the covering index answer index-only, as it
            // would after autovacuum on a long-running system.
            statement.execute("VACUUM followup.followup");
        }
    }

    private static String get(HttpClient http, URI uri, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + BACKLOG_PATH + " answered " + response.statusCode());
        }
        return response.body();
    }

    /**
     * followup-service's own record of the backlog counts it made in the database (requests answered from its shared
     * summary make none): how many, and their total time, from its Micrometer timer at {@code /q/metrics}.
     */
    private record Counting(double count, double seconds) {

        private static final Pattern SAMPLE = Pattern.compile(
                "^hotline_followup_backlog_counting_seconds_(count|sum)(?:\\{[^}]*})? ([0-9.eE+-]+)$");

        static Counting read(HttpClient http, URI metrics) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(30))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            double count = Double.NaN;
            double sum = Double.NaN;
            for (String line : response.body().split("\n")) {
                Matcher sample = SAMPLE.matcher(line);
                if (sample.matches()) {
                    double value = Double.parseDouble(sample.group(2));
                    if (sample.group(1).equals("count")) {
                        count = value;
                    } else {
                        sum = value;
                    }
                }
            }
            return new Counting(count, sum);
        }

        static void print(String when, Counting from, Counting to) {
            if (Double.isNaN(to.count)) {
                System.out.println("Database counts " + when + ": not reported (no hotline.followup.backlog.counting"
                        + " timer at /q/metrics)");
                return;
            }
            double count = to.count - (Double.isNaN(from.count) ? 0 : from.count);
            double seconds = to.seconds - (Double.isNaN(from.seconds) ? 0 : from.seconds);
            System.out.printf("Database counts %s: %.0f%s%n", when, count,
                    count > 0 ? String.format(", mean %.1f ms each (in the service, uncached)", seconds * 1000 / count)
                            : "");
        }
    }

    /** The measured requests split by whether they were answered from the shared summary or waited for a count. */
    private static void printSplit(long[] nanos, boolean[] freshCount) {
        for (boolean fresh : new boolean[] {false, true}) {
            long[] part = IntStream.range(0, nanos.length).filter(i -> freshCount[i] == fresh)
                    .mapToLong(i -> nanos[i]).sorted().toArray();
            String what = fresh ? "waited for a new count (summary stale)" : "answered from the shared summary";
            if (part.length == 0) {
                System.out.printf("  %s: none%n", what);
            } else {
                System.out.printf("  %s: %d requests, p50 %.1f  p95 %.1f  max %.1f ms%n", what, part.length,
                        Percentiles.millis(part, 50), Percentiles.millis(part, 95), part[part.length - 1] / 1e6);
            }
        }
    }

    private static final Pattern AS_OF = Pattern.compile("\"asOf\"\\s*:\\s*\"([^\"]+)\"");

    private static Instant asOf(String backlogJson) {
        Matcher m = AS_OF.matcher(backlogJson);
        if (!m.find()) {
            throw new IllegalStateException("The backlog answer has no asOf");
        }
        return OffsetDateTime.parse(m.group(1)).toInstant();
    }

    private static void printLatency(long open, int warmup, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double p50 = Percentiles.millis(sorted, 50);
        double p95 = Percentiles.millis(sorted, 95);
        double p99 = Percentiles.millis(sorted, 99);
        double max = sorted[sorted.length - 1] / 1e6;
        System.out.printf("GET %s with %,d open follow-ups: %d sequential requests after %d warm-up%n",
                BACKLOG_PATH, open, sorted.length, warmup);
        System.out.printf("Latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", p50, p95, p99, max);
        boolean pass = p95 < TARGET.toMillis();
        System.out.printf("Target p95 < %d ms: %s%n", TARGET.toMillis(), pass ? "PASS" : "FAIL");
    }
}
