package org.hotline.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.hotline.benchmarks.CensusPlaces.Place;
import org.hotline.calendar.BusinessCalendar;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.Urgency;
import org.hotline.generator.DirectoryGenerator;
import org.hotline.routing.Assessment;
import org.hotline.routing.ContactFacts;
import org.hotline.routing.DirectorySnapshot;
import org.hotline.routing.RoutingRules;
import org.hotline.routing.TargetSelection;
import org.hotline.routing.TargetSelector;
import org.hotline.routing.config.RoutingConfig;
import org.hotline.routing.config.RulesProducer;
import org.hotline.routing.config.ShippedRoutingConfig;

/**
 * Prints how long routing-service takes to decide a contact with 50,000 organisations in its directory read model
 * (the routing issue's target: p99 under 5 ms). The decision is what {@code RoutingService.decide} times as
 * {@code hotline.routing.decision}: the rules (urgency, handling, 911 advice, law enforcement) and the choice of
 * referral targets with its explanation, over the same immutable in-memory index ({@code DirectorySnapshot}) the
 * service builds from its read model table. It leaves out what is not the decision: storing it and its outbox rows
 * (one transaction), and the index's catch-up query before each decision (one indexed query that usually returns no
 * row), both PostgreSQL's time.
 *
 * <p>The directory is the deterministic generated one ({@code DirectoryGenerator}: every state and county, local,
 * state and national services, office and 24-hour hours in each organisation's own time zone, youth-only and
 * law-enforcement lines). Contacts are drawn with a fixed seed: every call type, indicators and needs in realistic
 * proportions, consent about half the time, places from the generator's county list weighted by size (so most have
 * local candidates), decision instants spread over a whole week (so office hours matter for urgent contacts).
 * Decisions run one after another on one thread, as each Kafka consumer thread makes them. The verdict is printed,
 * never asserted.
 *
 * <p>Options: {@code --organizations=50000}, {@code --seed=42}, {@code --warmup=20000}, {@code --decisions=20000}.
 */
public final class RoutingDecisionBenchmark {

    private static final Duration TARGET_P99 = Duration.ofMillis(5);
    /** A week around the generated directory's reference date, Monday 00:00 UTC onwards. */
    private static final Instant WEEK_START = Instant.parse("2026-11-02T00:00:00Z");
    private static final CallType[] CALL_TYPES = {CallType.CRISIS, CallType.TIP, CallType.TIP, CallType.TIP,
        CallType.REFERRAL_REQUEST, CallType.REFERRAL_REQUEST, CallType.TRAINING_TA, CallType.GENERAL_INFO,
        CallType.GENERAL_INFO, CallType.RELATED};

    private RoutingDecisionBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Arguments arguments = Arguments.parse(args, List.of("organizations", "seed", "warmup", "decisions"));
        int organizations = arguments.integer("organizations", 50_000);
        long seed = arguments.longInteger("seed", 42);
        int warmup = arguments.integer("warmup", 20_000);
        int decisions = arguments.integer("decisions", 20_000);
        if (organizations < 1 || organizations > 500_000 || decisions < 100 || decisions > 10_000_000 || warmup < 0) {
            throw new IllegalArgumentException("1 <= --organizations <= 500000, 100 <= --decisions <= 10000000, "
                    + "--warmup >= 0");
        }
        Machine.print("Hotline routing-decision benchmark");

        long generateStart = System.nanoTime();
        List<OrganizationUpserted> directory = new DirectoryGenerator(seed).organizations(organizations).toList();
        double generateSeconds = (System.nanoTime() - generateStart) / 1e9;
        long indexStart = System.nanoTime();
        DirectorySnapshot snapshot = DirectorySnapshot.of(directory);
        double indexSeconds = (System.nanoTime() - indexStart) / 1e9;
        long services = directory.stream().mapToLong(o -> o.services().size()).sum();
        System.out.printf("Read model: %,d generated organisations (seed %d), %,d services; generated in %.1f s,"
                + " indexed in %.2f s%n", snapshot.size(), seed, services, generateSeconds, indexSeconds);

        // Decides as the service does: its shipped rules, audiences, fallback lines and last-resort line.
        RoutingConfig config = ShippedRoutingConfig.load();
        RulesProducer producer = new RulesProducer();
        RoutingRules rules = producer.routingRules(config, BusinessCalendar.hotlineDefault());
        TargetSelector selector = producer.targetSelector(config);
        List<Place> places = CensusPlaces.load();
        SplittableRandom random = new SplittableRandom(seed);

        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += decide(rules, selector, snapshot, contact(random, places, i)).targets().size();
        }
        long[] nanos = new long[decisions];
        int urgent = 0;
        long targets = 0;
        long fallbacks = 0;
        long ruleLines = 0;
        int maxRuleLines = 0;
        for (int i = 0; i < decisions; i++) {
            ContactFacts contact = contact(random, places, warmup + i);
            long start = System.nanoTime();
            Assessment assessment = rules.assess(contact);
            TargetSelection selection = selector.select(contact, assessment, contact.receivedAt(), snapshot);
            nanos[i] = System.nanoTime() - start;
            urgent += assessment.urgency() == Urgency.URGENT ? 1 : 0;
            targets += selection.targets().size();
            fallbacks += selection.targets().stream().filter(t -> t.fallback()).count();
            int lines = assessment.rules().size() + selection.rules().size();
            ruleLines += lines;
            maxRuleLines = Math.max(maxRuleLines, lines);
        }
        Arrays.sort(nanos);
        System.out.printf("%,d decisions, one thread, after %,d warm-up decisions (checksum %d)%n", decisions,
                warmup, sink % 1000);
        System.out.printf("Contacts: %.0f%% urgent; %.2f referral targets per decision (%.0f%% of them fallbacks);"
                + " %.1f explanation lines per decision (max %d)%n", 100.0 * urgent / decisions,
                (double) targets / decisions, targets == 0 ? 0 : 100.0 * fallbacks / targets,
                (double) ruleLines / decisions, maxRuleLines);
        double p99 = Percentiles.millis(nanos, 99);
        System.out.printf("Decision time ms: p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f  mean %.3f%n",
                Percentiles.millis(nanos, 50), Percentiles.millis(nanos, 90), p99, Percentiles.millis(nanos, 99.9),
                ms(nanos[nanos.length - 1]), ms((long) Arrays.stream(nanos).average().orElse(0)));
        System.out.printf("Target p99 < %d ms: %s%n", TARGET_P99.toMillis(),
                p99 < TARGET_P99.toNanos() / 1e6 ? "PASS" : "FAIL");
    }

    private static TargetSelection decide(RoutingRules rules, TargetSelector selector, DirectorySnapshot snapshot,
            ContactFacts contact) {
        return selector.select(contact, rules.assess(contact), contact.receivedAt(), snapshot);
    }

    /** A contact as intake would publish it, received at a random minute of the week. */
    private static ContactFacts contact(SplittableRandom random, List<Place> places, int n) {
        CallType type = CALL_TYPES[random.nextInt(CALL_TYPES.length)];
        Set<Indicator> indicators = EnumSet.noneOf(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            if (random.nextInt(100) < (type == CallType.CRISIS || type == CallType.TIP ? 20 : 5)) {
                indicators.add(indicator);
            }
        }
        Set<Need> needs = EnumSet.noneOf(Need.class);
        int count = type == CallType.GENERAL_INFO ? 1 : 1 + random.nextInt(3);
        Need[] all = Need.values();
        while (needs.size() < count) {
            needs.add(all[random.nextInt(all.length)]);
        }
        // One contact in ten gives no location: only national services can take it.
        Location location = null;
        if (random.nextInt(10) > 0) {
            Place place = CensusPlaces.draw(places, random);
            location = new Location(place.city(), place.county(), place.state(), place.postalCode(), "US");
        }
        Instant at = WEEK_START.plusSeconds(60L * random.nextInt(7 * 24 * 60));
        boolean tip = type == CallType.TIP;
        return new ContactFacts(String.format("BENCH-%010d", n), tip ? ContactKind.TIP : ContactKind.CALL, type,
                tip ? Channel.WEB_FORM : Channel.PHONE, at, random.nextInt(4) == 0, indicators, needs, location,
                random.nextBoolean(), false);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
