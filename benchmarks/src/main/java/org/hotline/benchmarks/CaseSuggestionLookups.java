package org.hotline.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hotline.benchmarks.CaseSuggestionBenchmark.Relation;
import org.hotline.benchmarks.CaseSuggestionBenchmark.Situation;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.vocabulary.Typology;
import org.hotline.intake.repository.SignalFingerprintRepository;
import org.hotline.intake.repository.SignalFingerprintRepository.Match;
import org.hotline.intake.service.BlindIndexes;
import org.hotline.intake.service.CaseEvidence;
import org.hotline.intake.service.KeyEncryptionKeys;
import org.hotline.intake.service.MinHash;
import org.hotline.intake.service.SignalFingerprints;
import org.hotline.local.FreePorts;
import org.hotline.local.LocalPostgres;

/**
 * The case-suggestion look-ups on their own, on {@link CaseSuggestionBenchmark}'s generated set: PostgreSQL only (no
 * service, no broker), intake's migrations applied from the repository, the same seeded open cases loaded by the same
 * loader, then for the same probes intake's three look-ups (the SQL of {@link SignalFingerprintRepository}, run over
 * JDBC) weighed by intake's {@link CaseEvidence}. Prints {@code EXPLAIN (ANALYZE, BUFFERS)} of each look-up of the
 * first probe of each relation (which index, how many rows, planning and execution time), precision and recall as
 * the service would compute them, and the look-ups' time per probe beside the PostgreSQL commit reference. It is the
 * light way to see the plans and the cost growing (or not) with the number of open cases when the machine is too busy
 * for the whole benchmark; the service's own timer (fingerprint, inserts, look-ups, suggestions stored) is the
 * benchmark's.
 *
 * <p>Options: {@code --root=<repository root>}, {@code --cases=100000}, {@code --probes=400}.
 */
public final class CaseSuggestionLookups {

    private static final String KEY_ID = "lookups";
    private static final Pattern TIME = Pattern.compile("(Planning|Execution) Time: ([0-9.]+) ms");
    private static final Pattern INDEX = Pattern.compile(
            "(?:Index Scan|Index Only Scan)(?: Backward)? using (\\w+)|Bitmap Index Scan on (\\w+)");

    private CaseSuggestionLookups() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args, List.of("root", "cases", "probes"));
        Path root = arguments.folder("root");
        int cases = arguments.integer("cases", 100_000);
        int probes = arguments.integer("probes", 400);
        Machine.print("Hotline case-suggestion look-ups (PostgreSQL only)");
        Path data = ScratchFolder.create();
        try (LocalPostgres postgres = LocalPostgres.start(data.resolve("postgres"), FreePorts.allocate(1)[0])) {
            String jdbcUrl = postgres.jdbcUrl();
            migrate(jdbcUrl, root);
            byte[] kek = new byte[32];
            new SecureRandom().nextBytes(kek);
            BlindIndexes indexes = new BlindIndexes(KEY_ID,
                    KeyEncryptionKeys.derive(kek, KEY_ID, SignalFingerprints.BLIND_INDEX));
            MinHash minHash = new MinHash(KeyEncryptionKeys.derive(kek, KEY_ID, SignalFingerprints.MINHASH));
            // The same seed and the same order of draws as CaseSuggestionBenchmark: the same cases and probes.
            SplittableRandom random = new SplittableRandom(20261203L);
            CaseSuggestionBenchmark.Words words = new CaseSuggestionBenchmark.Words(random.split());
            Instant now = Instant.now();
            List<Situation> situations = new ArrayList<>(cases);
            for (int i = 0; i < cases; i++) {
                situations.add(CaseSuggestionBenchmark.situation(i, random, words, now));
            }
            long loadStart = System.nanoTime();
            CaseSuggestionBenchmark.load(jdbcUrl, situations, indexes, minHash);
            System.out.printf("%nLoaded %,d open cases, one signal each, fingerprinted, in %.1f s%n", cases,
                    (System.nanoTime() - loadStart) / 1e9);
            try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
                try (Statement st = db.createStatement()) {
                    st.execute("SET search_path = intake");
                }
                Lookups lookups = new Lookups(db);
                int truePositives = 0;
                int falsePositives = 0;
                int unrelatedWithSuggestions = 0;
                int[] found = new int[Relation.values().length];
                int[] asked = new int[Relation.values().length];
                boolean[] explained = new boolean[Relation.values().length + 1];
                long[] nanos = new long[probes];
                for (int p = 0; p < probes; p++) {
                    boolean related = p % 2 == 0;
                    Situation target = related ? situations.get(random.nextInt(cases)) : null;
                    Relation relation = Relation.values()[(p / 2) % Relation.values().length];
                    ObjectNode tip = related ? CaseSuggestionBenchmark.relatedTip(target, relation, random, words, now)
                            : CaseSuggestionBenchmark.unrelatedTip(cases + p, random, words, now);
                    int kind = related ? relation.ordinal() : Relation.values().length;
                    String explain = explained[kind] ? null : related ? "related by " + relation : "unrelated";
                    explained[kind] = true;
                    long start = System.nanoTime();
                    List<CaseEvidence.Ranked> ranked = lookups.suggest(tip, indexes, minHash, explain);
                    nanos[p] = System.nanoTime() - start;
                    UUID expected = related ? new UUID(0xCA5E_0000_0000_0000L, target.index()) : null;
                    boolean hit = false;
                    for (CaseEvidence.Ranked r : ranked) {
                        if (r.caseId().equals(expected)) {
                            hit = true;
                            truePositives++;
                        } else {
                            falsePositives++;
                        }
                    }
                    if (related) {
                        asked[relation.ordinal()]++;
                        found[relation.ordinal()] += hit ? 1 : 0;
                    } else if (!ranked.isEmpty()) {
                        unrelatedWithSuggestions++;
                    }
                }
                int suggested = truePositives + falsePositives;
                System.out.printf("%nWeighed as intake does, %d related and %d unrelated probes: precision %.3f (%d of %d"
                        + " suggestions right), recall %.3f (%d of %d)%n", probes / 2, probes - probes / 2,
                        suggested == 0 ? 0.0 : truePositives / (double) suggested, truePositives, suggested,
                        truePositives / (double) (probes / 2), truePositives, probes / 2);
                for (Relation r : Relation.values()) {
                    System.out.printf("  recall when sharing %-19s %d of %d%n", r.name().toLowerCase(Locale.ROOT)
                            .replace('_', ' ') + ":", found[r.ordinal()], asked[r.ordinal()]);
                }
                System.out.printf("  unrelated signals given any suggestion: %d of %d%n", unrelatedWithSuggestions,
                        probes - probes / 2);
                Arrays.sort(nanos);
                System.out.printf("%nLook-ups and weighing per probe over JDBC at %,d open cases (no HTTP, no inserts):"
                        + " p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", cases, Percentiles.millis(nanos, 50),
                        Percentiles.millis(nanos, 95), Percentiles.millis(nanos, 99), nanos[nanos.length - 1] / 1e6);
                Machine.printLoadAverage("after the probes");
                References.printAgainstPostgres(jdbcUrl, nanos);
            }
        } finally {
            ScratchFolder.deleteQuietly(data);
        }
    }

    /** Intake's migrations (platform's and its own, in version order), applied by hand: no Flyway needed here. */
    private static void migrate(String jdbcUrl, Path root) throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path folder : List.of(root.resolve("platform/src/main/resources/db/platform"),
                root.resolve("intake-service/src/main/resources/db/migration"))) {
            try (Stream<Path> listed = Files.list(folder)) {
                listed.filter(f -> f.getFileName().toString().matches("V[0-9_]+__.*\\.sql")).forEach(files::add);
            }
        }
        files.sort(Comparator.comparing(f -> version(f.getFileName().toString())));
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement st = db.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS intake");
            st.execute("SET search_path = intake");
            for (Path file : files) {
                st.execute(Files.readString(file));
            }
        }
    }

    private static java.math.BigDecimal version(String name) {
        return new java.math.BigDecimal(name.substring(1, name.indexOf("__")).replace('_', '.'));
    }

    /** The three look-ups as prepared JDBC statements of the repository's SQL (its ?N become plain ?). */
    private static final class Lookups {

        private final Connection db;
        private final PreparedStatement sameIndex;
        private final PreparedStatement samePlaceAndType;
        private final PreparedStatement sharingABand;

        Lookups(Connection db) throws Exception {
            this.db = db;
            this.sameIndex = db.prepareStatement(jdbc(SignalFingerprintRepository.SAME_INDEX));
            this.samePlaceAndType = db.prepareStatement(jdbc(SignalFingerprintRepository.SAME_PLACE_AND_TYPE));
            this.sharingABand = db.prepareStatement(jdbc(SignalFingerprintRepository.SHARING_A_BAND));
        }

        List<CaseEvidence.Ranked> suggest(ObjectNode tip, BlindIndexes indexes, MinHash minHash, String explain)
                throws Exception {
            Location location = new Location(null, tip.at("/location/county").asText(),
                    tip.at("/location/state").asText(), null, null);
            Typology typology = Typology.valueOf(tip.get("typology").asText());
            String email = tip.at("/reporter/email").isMissingNode() ? null : tip.at("/reporter/email").asText();
            String venue = tip.has("venueAddress") ? tip.get("venueAddress").asText() : null;
            MinHash.Signature signed = minHash.signed(tip.get("description").asText());
            UUID self = UUID.randomUUID();
            CaseEvidence evidence = new CaseEvidence(Instant.now(), location, typology, signed.shingles());
            for (BlindIndexes.Index index : indexes.of(tip.at("/reporter/phone").asText(), email, venue, location,
                    typology)) {
                boolean place = index.kind() == BlindIndexes.Kind.PLACE_TYPE;
                PreparedStatement statement = place ? samePlaceAndType : sameIndex;
                statement.setString(1, index.kind().name());
                statement.setString(2, index.keyId());
                statement.setBytes(3, index.mac());
                statement.setObject(4, self);
                if (place) {
                    statement.setTimestamp(5, Timestamp.from(evidence.windowFrom()));
                    statement.setTimestamp(6, Timestamp.from(evidence.windowTo()));
                    statement.setInt(7, 64);
                    explain(statement, "same place and type within the window", explain);
                    evidence.samePlaceAndType(read(statement, true), signed.minima());
                } else {
                    statement.setInt(5, 25);
                    explain(statement, "same " + index.kind().name().toLowerCase(Locale.ROOT), explain);
                    evidence.sameIndex(index.kind(), read(statement, false));
                }
            }
            sharingABand.setString(1, SignalFingerprintRepository.arrayLiteral(MinHash.bands(signed.minima())));
            sharingABand.setString(2, indexes.keyId());
            sharingABand.setObject(3, self);
            sharingABand.setInt(4, 100);
            explain(sharingABand, "sharing a MinHash band", explain);
            evidence.sharingABand(read(sharingABand, true), signed.minima());
            return evidence.ranked();
        }

        private static List<Match> read(PreparedStatement statement, boolean withText) throws Exception {
            List<Match> matches = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    byte[] signature = withText ? rows.getBytes(6) : null;
                    Integer shingles = withText && rows.getObject(7) != null ? rows.getInt(7) : null;
                    matches.add(new Match((UUID) rows.getObject(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getTimestamp(5).toInstant(),
                            signature == null ? null : MinHash.fromBytes(signature), shingles));
                }
            }
            return matches;
        }

        /** EXPLAIN (ANALYZE, BUFFERS) of the bound statement (pgjdbc renders it with its values): one line of it. */
        private void explain(PreparedStatement bound, String lookup, String probe) throws Exception {
            if (probe == null) {
                return;
            }
            List<String> plan = new ArrayList<>();
            try (Statement st = db.createStatement();
                    ResultSet rows = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + bound)) {
                while (rows.next()) {
                    plan.add(rows.getString(1));
                }
            }
            String text = String.join("\n", plan);
            List<String> used = new ArrayList<>();
            Matcher index = INDEX.matcher(text);
            while (index.find()) {
                String name = index.group(1) != null ? index.group(1) : index.group(2);
                if (!used.contains(name)) {
                    used.add(name);
                }
            }
            double planning = Double.NaN;
            double execution = Double.NaN;
            Matcher time = TIME.matcher(text);
            while (time.find()) {
                if (time.group(1).equals("Planning")) {
                    planning = Double.parseDouble(time.group(2));
                } else {
                    execution = Double.parseDouble(time.group(2));
                }
            }
            Matcher rows = Pattern.compile("actual time=[0-9.]+\\.\\.[0-9.]+ rows=(\\d+)").matcher(plan.get(0));
            System.out.printf("EXPLAIN ANALYZE %-24s %-38s rows %3s, planning %6.3f ms, execution %6.3f ms, %s%s%n",
                    probe + ":", lookup, rows.find() ? rows.group(1) : "?", planning, execution,
                    text.contains("Seq Scan") ? "SEQUENTIAL SCAN, " : "", "indexes " + String.join(", ", used));
        }

        private static String jdbc(String sql) {
            return sql.replaceAll("\\?[0-9]+", "?");
        }
    }
}
