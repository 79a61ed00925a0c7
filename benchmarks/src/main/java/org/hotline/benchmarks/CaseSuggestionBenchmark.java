package org.hotline.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.vocabulary.Typology;
import org.hotline.intake.service.BlindIndexes;
import org.hotline.intake.service.KeyEncryptionKeys;
import org.hotline.intake.service.MinHash;
import org.hotline.intake.service.SignalFingerprints;
import org.hotline.local.FreePorts;
import org.hotline.local.LocalSecrets;
import org.hotline.local.LocalStack;
import org.hotline.local.ServiceProcess;
import org.hotline.local.StackOptions;

/**
 * Case suggestions (issue 18): precision and recall on a generated set of related and unrelated signals, and the time
 * intake takes to fingerprint a signal and store its suggestions with {@code --cases} open cases (default 100,000; the
 * target is under 20 ms p95), beside a PostgreSQL reference measured in the same run.
 *
 * <p>Starts the local stack on free ports in a temporary folder, then writes the open cases straight into intake's
 * tables (contact, case_file, case_signal and the fingerprints), each fingerprinted with intake's own
 * {@link BlindIndexes} and {@link MinHash} under the keys intake derives from the run's key-encryption key, exactly as
 * the service would have at submission. Then it submits {@code --probes} tips over HTTP, half describing a generated
 * case again (the same phone written otherwise, the same e-mail in capitals, the same venue abbreviated, the same
 * description with a few words changed, or only the same county, type and time), half unrelated, and reads each one's
 * suggestions: a suggestion of the related case is a true positive, every other suggestion a false positive. The
 * generation is seeded, so precision and recall are the same on every machine; only the times are the machine's.
 * The service's time is its own timer ({@code hotline.cases.suggestion}, percentiles from {@code /q/metrics}).
 *
 * <p>Beside the cases it writes {@code --copies} signals in no case that all carry one copied message and one phone
 * (a spammer, a message forwarded around), and every fourth unrelated probe repeats that message and phone: those
 * probes must cost no more than the others, since the look-ups walk only the fingerprints of signals in open cases.
 *
 * <p>During the probes the services that react to each tip (routing, follow-up, directory) are frozen (SIGSTOP, then
 * SIGCONT after): on two cores their work on every probe takes turns with intake's, and the figure is intake's time to
 * suggest, not the machine's contention; {@code --others=running} keeps them running, as the whole system on one
 * machine would.
 *
 * <p>Options: {@code --root=<repository root>} (the services must be packaged), {@code --cases=100000},
 * {@code --probes=400}, {@code --copies=20000}, {@code --others=frozen|running}.
 */
public final class CaseSuggestionBenchmark {

    private static final Duration TARGET = Duration.ofMillis(20);
    private static final String[] STATES = {"CA", "TX", "FL", "NY", "WA", "GA", "NC", "AZ", "OH", "IL"};
    private static final int COUNTIES_PER_STATE = 40;
    private static final String[] STREETS = {"Street", "Avenue", "Road", "Boulevard", "Lane", "Drive"};
    private static final String[] ABBREVIATED = {"St.", "Ave", "Rd", "Blvd.", "Ln", "Dr"};
    private static final int BATCH = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern QUANTILE = Pattern.compile(
            "hotline_cases_suggestion_seconds\\{[^}]*quantile=\"([0-9.]+)\"[^}]*} ([0-9.eE+-]+)");

    /** What a related probe shares with its case. */
    enum Relation {
        PHONE, EMAIL, VENUE, TEXT, PLACE_TYPE_AND_TIME
    }

    /** One generated open case: what its one signal said. */
    record Situation(int index, String phone, String email, String venue, int street, String county, String state,
            Typology typology, String description, Instant receivedAt) {
    }

    private CaseSuggestionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args, List.of("root", "cases", "probes", "copies", "others"));
        Path root = arguments.folder("root");
        int cases = arguments.integer("cases", 100_000);
        int probes = arguments.integer("probes", 400);
        int copies = arguments.integer("copies", 20_000);
        String others = arguments.text("others").orElse("frozen");
        if (cases < 10 || probes < 10 || probes > 100_000 || copies < 0
                || !others.equals("frozen") && !others.equals("running")) {
            throw new IllegalArgumentException("--cases >= 10, 10 <= --probes <= 100000, --copies >= 0,"
                    + " --others=frozen|running");
        }
        Path jar = root.resolve("intake-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": run ./mvnw -DskipTests package in the repository first"
                    + " (or pass --root=<repository root>)");
        }
        Machine.print("Hotline case-suggestion benchmark");
        Path data = ScratchFolder.create();
        int[] ports = FreePorts.allocate(7);
        StackOptions options = StackOptions.defaults(root).withDataDirectory(data)
                .withPorts(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6]);
        // The probes come from one address: lift the per-client submission limit for this run (the other services
        // must not reject a key only intake maps, so unknown-key validation is off).
        List<String> jvm = new ArrayList<>(options.serviceJvm().options());
        jvm.add("-Dsmallrye.config.mapping.validate-unknown=false");
        jvm.add("-Dhotline.intake.submissions.per-client=" + (probes * 2 + 100));
        options = options.withServiceJvm(options.serviceJvm().withOptions(jvm));
        try (LocalStack stack = LocalStack.start(options, System.out)) {
            byte[] kek = Base64.getDecoder().decode(LocalSecrets.keyEncryptionKey(data.resolve("keys")));
            BlindIndexes indexes = new BlindIndexes(LocalSecrets.KEK_ID,
                    KeyEncryptionKeys.derive(kek, LocalSecrets.KEK_ID, SignalFingerprints.BLIND_INDEX));
            MinHash minHash = new MinHash(KeyEncryptionKeys.derive(kek, LocalSecrets.KEK_ID, SignalFingerprints.MINHASH));
            SplittableRandom random = new SplittableRandom(20261203L);
            Words words = new Words(random.split());
            Instant now = Instant.now();
            List<Situation> situations = new ArrayList<>(cases);
            for (int i = 0; i < cases; i++) {
                situations.add(situation(i, random, words, now));
            }
            String jdbcUrl = stack.postgres().jdbcUrl();
            long loadStart = System.nanoTime();
            load(jdbcUrl, situations, indexes, minHash);
            System.out.printf("%nLoaded %,d open cases, one signal each, fingerprinted, in %.1f s%n", cases,
                    (System.nanoTime() - loadStart) / 1e9);
            String copiedText = words.sentence(30);
            String copiedPhone = "4155550199";
            loadCopies(jdbcUrl, cases, copies, copiedText, copiedPhone, indexes, minHash, now);
            System.out.printf("Loaded %,d signals in no case carrying one copied message and one phone%n", copies);

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String intake = stack.url("intake-service");
            String token = stack.tokens().mint("case-benchmark", "agent", null, Duration.ofHours(1));
            Counts counts = new Counts();
            List<ServiceProcess> reacting = stack.services().stream()
                    .filter(service -> !service.name().equals("intake-service")).toList();
            if (others.equals("frozen")) {
                for (ServiceProcess service : reacting) {
                    service.freeze();
                }
            }
            System.out.println("During the probes: " + reacting.stream().map(ServiceProcess::name).toList()
                    + (others.equals("frozen") ? " frozen (intake, its broker and database alone on the cores)"
                    : " running (the whole system on the cores)"));
            long[] nanos = new long[probes];
            List<Long> copyNanos = new ArrayList<>();
            try {
                for (int p = 0; p < probes; p++) {
                    boolean related = p % 2 == 0;
                    boolean copy = !related && copies > 0 && p % 8 == 1;
                    Situation target = related ? situations.get(random.nextInt(cases)) : null;
                    Relation relation = Relation.values()[(p / 2) % Relation.values().length];
                    ObjectNode tip = related ? relatedTip(target, relation, random, words, now)
                            : copy ? tip(copiedText, copiedPhone, null, null, "Copies County", "CA",
                                    Typology.CARNIVALS)
                            : unrelatedTip(cases + p, random, words, now);
                    long start = System.nanoTime();
                    String reference = post(http, URI.create(intake + "/api/v1/tips"), tip);
                    nanos[p] = System.nanoTime() - start;
                    if (copy) {
                        copyNanos.add(nanos[p]);
                    }
                    JsonNode suggestions = get(http, URI.create(intake + "/api/v1/contacts/" + reference
                            + "/case-suggestions"), token);
                    counts.add(related ? relation : null, related ? caseReference(target.index()) : null, suggestions);
                }
            } finally {
                // A frozen process would not even stop: thaw whatever happened to the probes.
                if (others.equals("frozen")) {
                    for (ServiceProcess service : reacting) {
                        service.thaw();
                    }
                }
            }
            counts.print(probes / 2, probes - probes / 2);
            long[] copied = copyNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            if (copied.length > 0) {
                System.out.printf("Of them, %d repeat the copied message and phone of %,d signals in no case: p50 %.2f"
                        + " ms, p95 %.2f ms over HTTP%n", copied.length, copies, Percentiles.millis(copied, 50),
                        Percentiles.millis(copied, 95));
            }
            Arrays.sort(nanos);
            System.out.printf("%nTip submission over HTTP (fingerprint and suggestions included), %d tips: p50 %.2f ms,"
                    + " p95 %.2f ms, p99 %.2f ms%n", probes, Percentiles.millis(nanos, 50),
                    Percentiles.millis(nanos, 95), Percentiles.millis(nanos, 99));
            double[] service = serviceQuantiles(http, URI.create(intake + "/q/metrics"));
            System.out.printf("Suggestion time per signal in intake at %,d open cases (hotline.cases.suggestion):"
                    + " p50 %.2f ms, p95 %.2f ms, p99 %.2f ms -> %s (target p95 < %d ms)%n", cases, service[0],
                    service[1], service[2], service[1] < TARGET.toMillis() ? "MET" : "NOT MET", TARGET.toMillis());
            Machine.printLoadAverage("after the probes");
            References.printAgainstPostgres(jdbcUrl, nanos);
        } finally {
            ScratchFolder.deleteQuietly(data);
        }
    }

    static Situation situation(int i, SplittableRandom random, Words words, Instant now) {
        String state = STATES[random.nextInt(STATES.length)];
        String county = "County " + random.nextInt(COUNTIES_PER_STATE);
        boolean email = random.nextInt(2) == 0;
        boolean venue = random.nextInt(3) == 0;
        int street = random.nextInt(STREETS.length);
        return new Situation(i, String.format(Locale.ROOT, "%010d", 2_000_000_000L + i * 7L),
                email ? "person" + i + "@example.org" : null,
                venue ? (100 + random.nextInt(9_000)) + " " + words.word() + " " + STREETS[street] : null, street,
                county, state, Typology.values()[random.nextInt(Typology.values().length)],
                words.sentence(25 + random.nextInt(20)), now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 60))));
    }

    static ObjectNode relatedTip(Situation s, Relation relation, SplittableRandom random, Words words,
            Instant now) {
        String unrelatedPhone = String.format(Locale.ROOT, "%010d", 9_000_000_000L + random.nextInt(900_000_000));
        String description = words.sentence(25 + random.nextInt(20));
        String phone = unrelatedPhone;
        String email = null;
        String venue = null;
        Typology typology = Typology.values()[random.nextInt(Typology.values().length)];
        String county = "County " + random.nextInt(COUNTIES_PER_STATE);
        String state = STATES[random.nextInt(STATES.length)];
        switch (relation) {
            case PHONE -> phone = "(" + s.phone().substring(0, 3) + ") " + s.phone().substring(3, 6) + "-"
                    + s.phone().substring(6);
            case EMAIL -> email = s.email() == null ? null : s.email().toUpperCase(Locale.ROOT);
            case VENUE -> {
                if (s.venue() != null) {
                    venue = s.venue().replace(STREETS[s.street()], ABBREVIATED[s.street()]).toUpperCase(Locale.ROOT);
                    state = s.state();
                }
            }
            case TEXT -> description = words.paraphrase(s.description(), 3);
            case PLACE_TYPE_AND_TIME -> {
                county = s.county();
                state = s.state();
                typology = s.typology();
            }
        }
        if (relation == Relation.EMAIL && s.email() == null || relation == Relation.VENUE && s.venue() == null) {
            // The situation has no e-mail or venue to repeat: repeat its phone instead, as a caller would.
            phone = s.phone();
        }
        return tip(description, phone, email, venue, county, state, typology);
    }

    static ObjectNode unrelatedTip(int i, SplittableRandom random, Words words, Instant now) {
        return tip(words.sentence(25 + random.nextInt(20)),
                String.format(Locale.ROOT, "%010d", 5_000_000_000L + i * 7L), null, null,
                "County " + random.nextInt(COUNTIES_PER_STATE), STATES[random.nextInt(STATES.length)],
                Typology.values()[random.nextInt(Typology.values().length)]);
    }

    private static ObjectNode tip(String description, String phone, String email, String venue, String county,
            String state, Typology typology) {
        ObjectNode tip = JSON.createObjectNode().put("description", description).put("typology", typology.name());
        if (venue != null) {
            tip.put("venueAddress", venue);
        }
        tip.putObject("location").put("county", county).put("state", state);
        ObjectNode reporter = tip.putObject("reporter").put("anonymous", false).put("phone", phone);
        if (email != null) {
            reporter.put("email", email);
        }
        return tip;
    }

    static String caseReference(int index) {
        return String.format(Locale.ROOT, "CASE-B%09d", index);
    }

    /** Writes the cases and their signals' fingerprints in batches, then ANALYZE. */
    static void load(String jdbcUrl, List<Situation> situations, BlindIndexes indexes, MinHash minHash)
            throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?")
                + "reWriteBatchedInserts=true", "postgres", "")) {
            db.setAutoCommit(false);
            PreparedStatement contact = db.prepareStatement("INSERT INTO intake.contact (id, reference, kind, channel,"
                    + " call_type, received_at, status, anonymous, indicators, needs, location, typology,"
                    + " trafficking_type) VALUES (?, ?, 'TIP', 'WEB_FORM', 'TIP', ?, 'RECEIVED', false, '[]', '[]',"
                    + " ?::jsonb, ?, ?)");
            PreparedStatement caseFile = db.prepareStatement("INSERT INTO intake.case_file (id, reference, status,"
                    + " typology, trafficking_type, county, state, victims, opened_at, opened_by, updated_at) VALUES"
                    + " (?, ?, 'OPEN', ?, ?, ?, ?, 1, ?, 'benchmark', ?)");
            PreparedStatement caseSignal = db.prepareStatement("INSERT INTO intake.case_signal (contact_id, case_id,"
                    + " linked_at, linked_by) VALUES (?, ?, ?, 'benchmark')");
            // Every generated case is open: its signal's fingerprints are marked for the look-ups, as CaseWork marks
            // a linked signal's.
            PreparedStatement index = db.prepareStatement("INSERT INTO intake.signal_index (contact_id, kind, key_id,"
                    + " mac, received_at, in_open_case) VALUES (?, ?, ?, ?, ?, true) ON CONFLICT DO NOTHING");
            PreparedStatement signature = db.prepareStatement("INSERT INTO intake.signal_minhash (contact_id, key_id,"
                    + " signature, shingles) VALUES (?, ?, ?, ?)");
            PreparedStatement band = db.prepareStatement("INSERT INTO intake.signal_minhash_band (contact_id, key_id,"
                    + " band, hash, in_open_case) VALUES (?, ?, ?, ?, true)");
            List<PreparedStatement> all = List.of(contact, caseFile, caseSignal, index, signature, band);
            for (Situation s : situations) {
                UUID contactId = new UUID(0x5EED_0000_0000_0000L, s.index());
                UUID caseId = new UUID(0xCA5E_0000_0000_0000L, s.index());
                java.sql.Timestamp at = java.sql.Timestamp.from(s.receivedAt());
                Location location = new Location(null, s.county(), s.state(), null, null);
                contact.setObject(1, contactId);
                contact.setString(2, String.format(Locale.ROOT, "TIP-B%09d", s.index()));
                contact.setTimestamp(3, at);
                contact.setString(4, JSON.writeValueAsString(location));
                contact.setString(5, s.typology().name());
                contact.setString(6, s.typology().traffickingType().name());
                contact.addBatch();
                caseFile.setObject(1, caseId);
                caseFile.setString(2, caseReference(s.index()));
                caseFile.setString(3, s.typology().name());
                caseFile.setString(4, s.typology().traffickingType().name());
                caseFile.setString(5, s.county());
                caseFile.setString(6, s.state());
                caseFile.setTimestamp(7, at);
                caseFile.setTimestamp(8, at);
                caseFile.addBatch();
                caseSignal.setObject(1, contactId);
                caseSignal.setObject(2, caseId);
                caseSignal.setTimestamp(3, at);
                caseSignal.addBatch();
                addFingerprint(new FingerprintRows(index, signature, band), contactId, at,
                        indexes.of(s.phone(), s.email(), s.venue(), location, s.typology()), indexes.keyId(),
                        minHash.signed(s.description()));
                if ((s.index() + 1) % BATCH == 0 || s.index() == situations.size() - 1) {
                    for (PreparedStatement statement : all) {
                        statement.executeBatch();
                    }
                    db.commit();
                }
            }
            db.setAutoCommit(true);
            try (Statement analyze = db.createStatement()) {
                analyze.execute("ANALYZE intake.contact, intake.case_file, intake.case_signal, intake.signal_index,"
                        + " intake.signal_minhash, intake.signal_minhash_band");
            }
        }
    }

    /**
     * Writes {@code copies} tips in no case, all with the same phone and description, fingerprinted as intake does
     * at submission (unmarked: no open case), with ids after the cases' own.
     */
    static void loadCopies(String jdbcUrl, int first, int copies, String text, String phone, BlindIndexes indexes,
            MinHash minHash, Instant now) throws Exception {
        if (copies == 0) {
            return;
        }
        MinHash.Signature signed = minHash.signed(text);
        List<BlindIndexes.Index> phoneIndexes = indexes.of(phone, null, null, null, null);
        try (Connection db = DriverManager.getConnection(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?")
                + "reWriteBatchedInserts=true", "postgres", "")) {
            db.setAutoCommit(false);
            PreparedStatement contact = db.prepareStatement("INSERT INTO intake.contact (id, reference, kind, channel,"
                    + " call_type, received_at, status, anonymous, indicators, needs) VALUES (?, ?, 'TIP', 'WEB_FORM',"
                    + " 'TIP', ?, 'RECEIVED', false, '[]', '[]')");
            PreparedStatement index = db.prepareStatement("INSERT INTO intake.signal_index (contact_id, kind, key_id,"
                    + " mac, received_at) VALUES (?, ?, ?, ?, ?)");
            PreparedStatement signature = db.prepareStatement("INSERT INTO intake.signal_minhash (contact_id, key_id,"
                    + " signature, shingles) VALUES (?, ?, ?, ?)");
            PreparedStatement band = db.prepareStatement("INSERT INTO intake.signal_minhash_band (contact_id, key_id,"
                    + " band, hash) VALUES (?, ?, ?, ?)");
            for (int c = 0; c < copies; c++) {
                int n = first + c;
                UUID contactId = new UUID(0x5EED_0000_0000_0000L, n);
                java.sql.Timestamp at = java.sql.Timestamp.from(now.minus(Duration.ofSeconds(copies - c)));
                contact.setObject(1, contactId);
                contact.setString(2, String.format(Locale.ROOT, "TIP-B%09d", n));
                contact.setTimestamp(3, at);
                contact.addBatch();
                addFingerprint(new FingerprintRows(index, signature, band), contactId, at, phoneIndexes,
                        indexes.keyId(), signed);
                if ((c + 1) % BATCH == 0 || c == copies - 1) {
                    for (PreparedStatement statement : List.of(contact, index, signature, band)) {
                        statement.executeBatch();
                    }
                    db.commit();
                }
            }
            db.setAutoCommit(true);
            try (Statement analyze = db.createStatement()) {
                analyze.execute("ANALYZE intake.contact, intake.signal_index, intake.signal_minhash,"
                        + " intake.signal_minhash_band");
            }
        }
    }

    /** The three prepared inserts of a signal's fingerprint, as intake stores it at submission. */
    private record FingerprintRows(PreparedStatement index, PreparedStatement signature, PreparedStatement band) {
    }

    /** Adds one signal's blind indexes, MinHash signature and its bands to the batches of {@code rows}. */
    private static void addFingerprint(FingerprintRows rows, UUID contactId, java.sql.Timestamp at,
            List<BlindIndexes.Index> indexes, String keyId, MinHash.Signature signed) throws java.sql.SQLException {
        for (BlindIndexes.Index i : indexes) {
            rows.index().setObject(1, contactId);
            rows.index().setString(2, i.kind().name());
            rows.index().setString(3, i.keyId());
            rows.index().setBytes(4, i.mac());
            rows.index().setTimestamp(5, at);
            rows.index().addBatch();
        }
        rows.signature().setObject(1, contactId);
        rows.signature().setString(2, keyId);
        rows.signature().setBytes(3, MinHash.toBytes(signed.minima()));
        rows.signature().setShort(4, (short) signed.shingles());
        rows.signature().addBatch();
        long[] bands = MinHash.bands(signed.minima());
        for (int b = 0; b < bands.length; b++) {
            rows.band().setObject(1, contactId);
            rows.band().setString(2, keyId);
            rows.band().setShort(3, (short) b);
            rows.band().setLong(4, bands[b]);
            rows.band().addBatch();
        }
    }

    private static String post(HttpClient http, URI uri, ObjectNode body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("POST " + uri.getPath() + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body()).get("reference").asText();
    }

    private static JsonNode get(HttpClient http, URI uri, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri.getPath() + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    /** p50, p95 and p99 of intake's suggestion timer, in milliseconds. */
    private static double[] serviceQuantiles(HttpClient http, URI metrics) throws Exception {
        String text = http.send(HttpRequest.newBuilder(metrics).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        double[] quantiles = {Double.NaN, Double.NaN, Double.NaN};
        Matcher m = QUANTILE.matcher(text);
        while (m.find()) {
            int at = switch (m.group(1)) {
                case "0.5" -> 0;
                case "0.95" -> 1;
                case "0.99" -> 2;
                default -> -1;
            };
            if (at >= 0) {
                quantiles[at] = Double.parseDouble(m.group(2)) * 1000;
            }
        }
        return quantiles;
    }

    /** True and false positives, per relation. */
    private static final class Counts {
        private final int[] found = new int[Relation.values().length];
        private final int[] asked = new int[Relation.values().length];
        private int truePositives;
        private int falsePositives;
        private int unrelatedWithSuggestions;

        void add(Relation relation, String expected, JsonNode suggestions) {
            boolean hit = false;
            for (JsonNode suggestion : suggestions) {
                if (expected != null && expected.equals(suggestion.get("caseReference").asText())) {
                    hit = true;
                    truePositives++;
                } else {
                    falsePositives++;
                }
            }
            if (relation != null) {
                asked[relation.ordinal()]++;
                found[relation.ordinal()] += hit ? 1 : 0;
            } else if (!suggestions.isEmpty()) {
                unrelatedWithSuggestions++;
            }
        }

        void print(int related, int unrelated) {
            int suggested = truePositives + falsePositives;
            System.out.printf("%nSuggestions for %d related and %d unrelated signals: precision %.3f (%d of %d"
                    + " suggestions right), recall %.3f (%d of %d related signals found their case)%n", related,
                    unrelated, suggested == 0 ? 0.0 : truePositives / (double) suggested, truePositives, suggested,
                    related == 0 ? 0.0 : truePositives / (double) related, truePositives, related);
            for (Relation r : Relation.values()) {
                System.out.printf("  recall when sharing %-19s %d of %d%n", r.name().toLowerCase(Locale.ROOT)
                        .replace('_', ' ') + ":", found[r.ordinal()], asked[r.ordinal()]);
            }
            System.out.printf("  unrelated signals given any suggestion: %d of %d%n", unrelatedWithSuggestions,
                    unrelated);
        }
    }

    /** A seeded vocabulary of made-up words, so descriptions overlap only as generated. */
    static final class Words {
        private static final String[] SYLLABLES = {"ka", "lo", "mi", "ra", "te", "su", "no", "vi", "pe", "da", "zo",
            "ri", "ba", "go", "fe", "lu", "ta", "ne", "so", "mu"};
        private final SplittableRandom random;
        private final String[] vocabulary = new String[5_000];

        Words(SplittableRandom random) {
            this.random = random;
            for (int i = 0; i < vocabulary.length; i++) {
                StringBuilder word = new StringBuilder();
                int n = i;
                do {
                    word.append(SYLLABLES[n % SYLLABLES.length]);
                    n /= SYLLABLES.length;
                } while (n > 0);
                vocabulary[i] = word.append(SYLLABLES[i % 7]).toString();
            }
        }

        String word() {
            return vocabulary[random.nextInt(vocabulary.length)];
        }

        String sentence(int length) {
            StringBuilder sentence = new StringBuilder();
            for (int i = 0; i < length; i++) {
                sentence.append(i == 0 ? "" : " ").append(word());
            }
            return sentence.toString();
        }

        /** The same text with {@code changes} words replaced: another reporter's words for the same scene. */
        String paraphrase(String text, int changes) {
            String[] words = text.split(" ");
            for (int i = 0; i < changes; i++) {
                words[random.nextInt(words.length)] = word();
            }
            return String.join(" ", words);
        }
    }
}
