package org.hotline.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.hotline.benchmarks.CensusPlaces.Place;
import org.hotline.local.FreePorts;
import org.hotline.local.LocalStack;
import org.hotline.local.StackOptions;

/**
 * Prints how long {@code GET /api/v1/organizations} searches take over a directory of 50,000 organisations (the
 * directory issue's target: p95 under 20 ms). Starts the whole local stack on free loopback ports in a temporary
 * folder, loads the deterministic generated directory through directory-service's own admin endpoint (every
 * organisation validated, stored and published through the outbox, so routing-service consumes 50,000 events too),
 * waits until the outbox is relayed and every consumer of the organisations topic has caught up, then times a
 * realistic mix of searches, sequentially over HTTP. The verdict is printed, never asserted.
 *
 * <p>Callers' places are drawn from the generator's own county list (state, county and one of its ZIP codes), weighted
 * by county size as the generator weights organisations, so the searches look where the organisations are.
 *
 * <p>Options: {@code --root=<repository root>} (default: current folder; the four services must be packaged),
 * {@code --organizations=50000}, {@code --seed=42}, {@code --warmup=700}, {@code --requests=1400} (spread evenly
 * over the seven kinds of query), {@code --hold-seconds=0} (keep the stack up afterwards, e.g. to EXPLAIN queries).
 */
public final class DirectorySearchBenchmark {

    private static final Duration TARGET = Duration.ofMillis(20);
    private static final String SEARCH = "/api/v1/organizations";
    private static final String TOPIC = "hotline.directory.organizations.v1";
    private static final String[] NEEDS = {"EMERGENCY_SHELTER", "SHELTER", "LEGAL", "IMMIGRATION", "MEDICAL",
        "MENTAL_HEALTH", "CASE_MANAGEMENT", "TRANSPORTATION", "LAW_ENFORCEMENT", "DOMESTIC_VIOLENCE", "SEXUAL_ASSAULT",
        "RUNAWAY_HOMELESS_YOUTH", "MISSING_CHILD", "LABOR_RIGHTS", "TRAINING", "INFORMATION"};
    /** What staff type into the search box: kinds of help and words of organisations' names. */
    private static final String[] WORDS = {"legal aid", "shelter", "youth", "immigration", "counseling", "hotline",
        "task force", "health", "safe harbor", "hope house", "coalition", "housing", "services", "beacon",
        "domestic violence", "labor", "pathways", "haven"};
    /** The generated directory's reference week (its hours and closed dates are laid out around 2026-11-01). */
    private static final Instant WEEK_START = Instant.parse("2026-11-02T00:00:00Z");

    private DirectorySearchBenchmark() {
    }

    private record Kind(String name, String description) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("need+state", "need=N&state=S"),
            new Kind("need+county", "need=N&county=S:C"),
            new Kind("postalCode", "postalCode=Z&state=S (a caller's ZIP code and state)"),
            new Kind("openAt", "need=N&state=S&openAt=T (who is open now)"),
            new Kind("audience", "audience=YOUTH&need=N&state=S"),
            new Kind("q", "q=W&state=S (full text)"),
            new Kind("combined", "need=N&county=S:C&postalCode=Z&openAt=T&audience=YOUTH"));

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args, List.of("root", "organizations", "seed", "warmup", "requests",
                "hold-seconds"));
        Path root = arguments.folder("root");
        int organizations = arguments.integer("organizations", 50_000);
        long seed = arguments.longInteger("seed", 42);
        int warmup = arguments.integer("warmup", 700);
        int requests = arguments.integer("requests", 1400);
        int holdSeconds = arguments.integer("hold-seconds", 0);
        if (organizations < 1 || organizations > 100_000 || requests < KINDS.size() || requests > 100_000
                || warmup < 0 || warmup > 100_000) {
            throw new IllegalArgumentException("1 <= --organizations <= 100000, 7 <= --requests <= 100000, "
                    + "0 <= --warmup <= 100000");
        }
        Path jar = root.resolve("directory-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": run ./mvnw -DskipTests package in the repository first"
                    + " (or pass --root=<repository root>)");
        }

        Machine.print("Hotline directory-search benchmark");
        // Searches name a ZIP code: counties listed without one are left out.
        List<Place> places = CensusPlaces.load().stream().filter(p -> p.postalCode() != null).toList();
        Path data = ScratchFolder.create();
        int[] ports = FreePorts.allocate(7);
        StackOptions options = StackOptions.defaults(root).withDataDirectory(data)
                .withPorts(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6]);
        System.out.println("Services on " + options.serviceJvm().describe());
        try (LocalStack stack = LocalStack.start(options, System.out)) {
            String jdbcUrl = "jdbc:postgresql://localhost:" + ports[0] + "/hotline";
            String directory = stack.url("directory-service");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            // Loading the directory is an administrator's command; searching is what phone agents do. Tokens from
            // the stack's development key, as ./mint-token.sh mints them.
            String adminToken = stack.tokens().mint("directory-benchmark", "admin", null, Duration.ofHours(2));
            String agentToken = stack.tokens().mint("directory-benchmark", "agent", null, Duration.ofHours(2));

            long loadStart = System.nanoTime();
            String generated = post(http, URI.create(directory + "/api/v1/admin/organizations/generate?count="
                    + organizations + "&seed=" + seed), adminToken);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            System.out.printf("%nLoaded %,d generated organisations (seed %d) through POST "
                    + "/api/v1/admin/organizations/generate in %.1f s: %s%n", organizations, seed, loadSeconds,
                    generated);
            long relayStart = System.nanoTime();
            awaitOutboxRelayed(jdbcUrl);
            System.out.printf("Outbox relayed to %s %.1f s later%n", TOPIC, (System.nanoTime() - relayStart) / 1e9);
            long consumeStart = System.nanoTime();
            awaitConsumersCaughtUp(stack.kafka().bootstrapServers());
            System.out.printf("Every consumer group of the topic caught up %.1f s later%n",
                    (System.nanoTime() - consumeStart) / 1e9);
            printDirectory(jdbcUrl);

            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < warmup; i++) {
                get(http, URI.create(directory + SEARCH + "?" + query(KINDS.get(i % KINDS.size()), places, random)),
                        agentToken);
            }
            Map<Kind, List<Long>> nanos = new LinkedHashMap<>();
            Map<Kind, List<Long>> matches = new LinkedHashMap<>();
            KINDS.forEach(k -> {
                nanos.put(k, new ArrayList<>());
                matches.put(k, new ArrayList<>());
            });
            List<Kind> order = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                order.add(KINDS.get(i % KINDS.size()));
            }
            shuffle(order, random);
            for (Kind kind : order) {
                URI uri = URI.create(directory + SEARCH + "?" + query(kind, places, random));
                long start = System.nanoTime();
                String body = get(http, uri, agentToken);
                nanos.get(kind).add(System.nanoTime() - start);
                matches.get(kind).add(totalItems(body));
            }
            long[] all = printLatency(organizations, warmup, nanos, matches);
            References.printAgainstPostgres(stack.postgres().jdbcUrl(), all);
            if (holdSeconds > 0) {
                System.out.printf("Holding the stack for %d s: psql -h localhost -p %d -U directory hotline "
                        + "(password directory), directory at %s%n", holdSeconds, ports[0], directory);
                Thread.sleep(holdSeconds * 1000L);
            }
        } finally {
            ScratchFolder.deleteQuietly(data);
        }
    }

    private static String query(Kind kind, List<Place> places, SplittableRandom random) {
        Place place = CensusPlaces.draw(places, random);
        String need = NEEDS[random.nextInt(NEEDS.length)];
        String openAt = encode(WEEK_START.plusSeconds(random.nextLong(7L * 24 * 3600)).toString());
        String county = encode(place.state() + ":" + place.county());
        return switch (kind.name()) {
            case "need+state" -> "need=" + need + "&state=" + place.state();
            case "need+county" -> "need=" + need + "&county=" + county;
            case "postalCode" -> "postalCode=" + place.postalCode() + "&state=" + place.state();
            case "openAt" -> "need=" + need + "&state=" + place.state() + "&openAt=" + openAt;
            case "audience" -> "audience=YOUTH&need=" + need + "&state=" + place.state();
            case "q" -> "q=" + encode(WORDS[random.nextInt(WORDS.length)]) + "&state=" + place.state();
            case "combined" -> "need=" + need + "&county=" + county + "&postalCode=" + place.postalCode()
                    + "&openAt=" + openAt + "&audience=YOUTH";
            default -> throw new IllegalStateException(kind.name());
        };
    }

    private static void awaitOutboxRelayed(String jdbcUrl) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        try (Connection db = DriverManager.getConnection(jdbcUrl, "directory", "directory");
                Statement statement = db.createStatement()) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM directory.outbox")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(1000);
            }
        }
        throw new IllegalStateException("The directory's outbox was not relayed within 30 minutes");
    }

    /** Waits until every consumer group that reads the organisations topic has committed up to its end. */
    private static void awaitConsumersCaughtUp(String bootstrapServers) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        try (Admin admin = Admin.create(config)) {
            while (Instant.now().isBefore(deadline)) {
                long lag = 0;
                boolean anyGroup = false;
                Collection<GroupListing> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get();
                for (GroupListing group : groups) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin
                            .listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get()
                            .entrySet().stream().filter(e -> e.getKey().topic().equals(TOPIC) && e.getValue() != null)
                            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                    if (committed.isEmpty()) {
                        continue;
                    }
                    anyGroup = true;
                    var ends = admin.listOffsets(committed.keySet().stream()
                            .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
                    for (var entry : committed.entrySet()) {
                        lag += ends.get(entry.getKey()).offset() - entry.getValue().offset();
                    }
                }
                if (anyGroup && lag == 0) {
                    return;
                }
                Thread.sleep(1000);
            }
        }
        throw new IllegalStateException("The consumers of " + TOPIC + " did not catch up within 30 minutes");
    }

    /** ANALYZE and VACUUM (as autovacuum would on a running system), then what the directory holds. */
    private static void printDirectory(String jdbcUrl) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "directory", "directory");
                Statement statement = db.createStatement()) {
            long start = System.nanoTime();
            for (String table : List.of("organization", "service", "phone", "schedule", "service_closed_date",
                    "service_area", "service_need")) {
                statement.execute("VACUUM ANALYZE directory." + table);
            }
            System.out.printf("VACUUM ANALYZE of the directory's tables: %.1f s%n", (System.nanoTime() - start) / 1e9);
            try (ResultSet rs = statement.executeQuery("""
                    SELECT (SELECT count(*) FROM directory.organization), (SELECT count(*) FROM directory.service),
                           (SELECT count(*) FROM directory.schedule), (SELECT count(*) FROM directory.service_area),
                           (SELECT count(*) FROM directory.service_need),
                           pg_size_pretty(pg_database_size(current_database()))""")) {
                rs.next();
                System.out.printf("Directory: %,d organisations, %,d services, %,d schedule rows, %,d service-area "
                        + "rows, %,d service needs; database size %s%n", rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getString(6));
            }
        }
    }

    /** Prints the latency per kind and over all, and returns all of it, sorted. */
    private static long[] printLatency(int organizations, int warmup, Map<Kind, List<Long>> nanos,
            Map<Kind, List<Long>> matches) {
        long count = nanos.values().stream().mapToLong(List::size).sum();
        System.out.printf("%nGET %s over %,d organisations: %d sequential searches (%d per kind, in random order) "
                + "after %d warm-up, page size 20%n", SEARCH, organizations, count, count / KINDS.size(), warmup);
        System.out.printf("%-12s %8s %8s %8s %8s %12s  %s%n", "kind", "p50 ms", "p95 ms", "p99 ms", "max ms",
                "mean matches", "query");
        for (Kind kind : KINDS) {
            long[] sorted = sorted(nanos.get(kind));
            double meanMatches = matches.get(kind).stream().mapToLong(Long::longValue).average().orElse(0);
            System.out.printf("%-12s %8.1f %8.1f %8.1f %8.1f %12.0f  %s%n", kind.name(),
                    Percentiles.millis(sorted, 50), Percentiles.millis(sorted, 95), Percentiles.millis(sorted, 99),
                    sorted[sorted.length - 1] / 1e6, meanMatches, kind.description());
        }
        long[] all = sorted(nanos.values().stream().flatMap(List::stream).toList());
        double p95 = Percentiles.millis(all, 95);
        System.out.printf("%-12s %8.1f %8.1f %8.1f %8.1f%n", "all", Percentiles.millis(all, 50), p95,
                Percentiles.millis(all, 99), all[all.length - 1] / 1e6);
        System.out.printf("Target p95 < %d ms: %s%n", TARGET.toMillis(), p95 < TARGET.toMillis() ? "PASS" : "FAIL");
        return all;
    }

    private static long[] sorted(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static final Pattern TOTAL_ITEMS = Pattern.compile("\"totalItems\":(\\d+)");

    private static long totalItems(String body) {
        Matcher m = TOTAL_ITEMS.matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static String get(HttpClient http, URI uri, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri.getRawPath() + "?" + uri.getRawQuery() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String post(HttpClient http, URI uri, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST " + uri.getRawPath() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return response.body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }
}
