package org.hotline.generator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.events.OrganizationUpserted.Area;
import org.hotline.contracts.events.OrganizationUpserted.Hours;
import org.hotline.contracts.events.OrganizationUpserted.Service;
import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.Need;

/**
 * A large, realistic, made-up directory of organisations across every U.S. state (and DC and Puerto Rico) and their
 * real counties, for demos and benchmarks: about 80% local (a county, a few counties or a few ZIP codes), 17%
 * state-wide and 3% national; 1 to 3 services each, with needs weighted as a hotline meets them, office hours in the
 * organisation's own time zone, around-the-clock lines, night spans and holiday closures, a few youth-only and
 * law-enforcement-only lines, law-enforcement task forces, languages, and fictional 555-01xx phone numbers.
 *
 * <p>Deterministic: organisation {@code i} depends only on the seed and {@code i} (never on the clock, the count or
 * the JVM), so {@code organizations(n)} is the first {@code n} of any longer run and ids are stable. Thread-safe.
 */
public final class DirectoryGenerator {

    /** The fixed "today" of the generated directory: verification dates lie in the two years before it. */
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 1);
    /** The {@code updatedAt} of every generated event. */
    public static final Instant UPDATED_AT = Instant.parse("2026-11-01T00:00:00Z");
    /** The {@code version} of every generated event. */
    public static final long VERSION = 1;

    private static final String[] NATIONAL_ZONES = {"America/New_York", "America/Chicago", "America/Denver",
            "America/Los_Angeles"};
    private static final String[] NATIONAL_AREA_CODES = {"202", "312", "303", "213"};
    private static final double[] NATIONAL_ZONE_SHARES = {0.60, 0.20, 0.05, 0.15};
    private static final List<String> OTHER_LANGUAGES = List.of("vi", "zh", "ko", "tl", "ar", "ru", "fr", "pt", "ht",
            "so", "hmn", "ase", "pl", "hi", "uk");
    private static final Set<UsState> SPANISH_STATES = EnumSet.of(UsState.CA, UsState.TX, UsState.NM, UsState.AZ,
            UsState.FL, UsState.NV, UsState.NY, UsState.NJ, UsState.IL, UsState.CO);
    private static final List<String> NAME_PREFIXES = List.of("Safe Harbor", "New Horizons", "Bridges", "Hope House",
            "Open Door", "Lighthouse", "Freedom Place", "Restore", "Haven", "Pathways", "Beacon", "Second Chance");

    private final long seed;
    private final UsGeography geography = UsGeography.get();
    private final Weighted<County> counties;
    private final Weighted<UsState> states;
    private final Weighted<NeedProfile> localProfiles;
    private final Weighted<NeedProfile> nationalProfiles;
    private final HoursPlanner hoursPlanner = new HoursPlanner(REFERENCE_DATE);

    public DirectoryGenerator(long seed) {
        this.seed = seed;
        // Bigger counties (more ZIP areas) have more organisations, but every county gets a fair chance.
        this.counties = new Weighted<>(geography.counties(), c -> c.size() + 2.0);
        this.states = new Weighted<>(UsState.all(), s -> geography.size(s) + 150.0);
        List<NeedProfile> profiles = Arrays.stream(Need.values()).map(NeedProfile::of).toList();
        this.localProfiles = new Weighted<>(profiles, NeedProfile::weight);
        // National lines are mostly hotlines: more information, violence, youth, missing-child and labour lines.
        this.nationalProfiles = new Weighted<>(profiles, p -> switch (p.need()) {
            case INFORMATION, DOMESTIC_VIOLENCE, SEXUAL_ASSAULT, RUNAWAY_HOMELESS_YOUTH, LABOR_RIGHTS -> p.weight() * 3;
            case MISSING_CHILD -> 4;
            case EMERGENCY_SHELTER, SHELTER, TRANSPORTATION, MEDICAL -> p.weight() / 3;
            default -> p.weight();
        });
    }

    public long seed() {
        return seed;
    }

    /** The first {@code count} organisations, generated lazily in index order (stream them; don't collect 50,000). */
    public Stream<OrganizationUpserted> organizations(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        return IntStream.range(0, count).mapToObj(this::organization);
    }

    /** Organisation number {@code index} (0-based) of this seed's directory. */
    public OrganizationUpserted organization(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
        Random random = new Random(mix(seed ^ mix(index + 0x5DEECE66DL)));
        Reach reach = reach(random);
        NeedProfile profile = (reach == Reach.NATIONAL ? nationalProfiles : localProfiles).draw(random);
        // A ZIP-code organisation falls back to its county where the data has no ZIP codes or city for it.
        Place place = place(random, reach);
        boolean lawEnforcement = profile.need() == Need.LAW_ENFORCEMENT;
        Set<Audience> audiences = audiences(random, profile.need());
        String name = name(random, place, profile, audiences);
        Set<String> languages = languages(random, place);
        LocalDate lastVerifiedOn = REFERENCE_DATE.minusDays((long) (730 * Math.pow(random.nextDouble(), 1.6)));
        List<Service> services = services(random, index, place, profile);
        return new OrganizationUpserted(id(index, 0), name, lawEnforcement, false, audiences, languages,
                lastVerifiedOn, services, VERSION, UPDATED_AT);
    }

    /** Where an organisation works: its area, its home county or state, its time zone and area code. */
    private record Place(Reach reach, Area area, County county, UsState state, String timeZone, String areaCode) {
    }

    private static Reach reach(Random random) {
        double r = random.nextDouble();
        double sum = 0;
        for (Reach reach : Reach.values()) {
            sum += reach.share();
            if (r < sum) {
                return reach;
            }
        }
        return Reach.NATIONAL;
    }

    private Place place(Random random, Reach reach) {
        switch (reach) {
            case NATIONAL -> {
                int hq = nationalHeadquarters(random);
                return new Place(reach, new Area(true, Set.of(), Set.of(), Set.of()), null, null,
                        NATIONAL_ZONES[hq], NATIONAL_AREA_CODES[hq]);
            }
            case STATE -> {
                UsState state = states.draw(random);
                return new Place(reach, new Area(false, Set.of(state.name()), Set.of(), Set.of()), null, state,
                        geography.timeZone(state), state.areaCode());
            }
            default -> {
                County county = counties.draw(random);
                if (reach == Reach.POSTAL_CODE && !county.postalCodes().isEmpty() && !county.city().isEmpty()) {
                    List<String> zips = county.postalCodes();
                    int first = random.nextInt(zips.size());
                    int n = 1 + random.nextInt(Math.min(3, zips.size()));
                    Set<String> postalCodes = new TreeSet<>();
                    for (int i = 0; i < n; i++) {
                        postalCodes.add(zips.get((first + i) % zips.size()));
                    }
                    return new Place(Reach.POSTAL_CODE, new Area(false, Set.of(), Set.of(),
                            Collections.unmodifiableSet(postalCodes)), county, county.state(), county.timeZone(),
                            county.state().areaCode());
                }
                return new Place(Reach.COUNTY, new Area(false, Set.of(), countiesAround(random, county), Set.of()),
                        county, county.state(), county.timeZone(), county.state().areaCode());
            }
        }
    }

    /**
     * The county, and for one organisation in ten a multi-county coalition: the next few counties of the state in
     * FIPS order (alphabetical, so not necessarily neighbours; the data has no adjacency).
     */
    private Set<String> countiesAround(Random random, County county) {
        Set<String> keys = new TreeSet<>();
        keys.add(county.areaKey());
        if (random.nextDouble() < 0.10) {
            List<County> inState = geography.counties(county.state());
            int at = inState.indexOf(county);
            int more = 1 + random.nextInt(3);
            for (int i = 1; i <= more && at + i < inState.size(); i++) {
                keys.add(inState.get(at + i).areaKey());
            }
        }
        return Collections.unmodifiableSet(keys);
    }

    private static int nationalHeadquarters(Random random) {
        double r = random.nextDouble();
        double sum = 0;
        for (int i = 0; i < NATIONAL_ZONE_SHARES.length; i++) {
            sum += NATIONAL_ZONE_SHARES[i];
            if (r < sum) {
                return i;
            }
        }
        return 0;
    }

    private static Set<Audience> audiences(Random random, Need need) {
        double r = random.nextDouble();
        return switch (need) {
            case RUNAWAY_HOMELESS_YOUTH -> r < 0.7 ? EnumSet.of(Audience.YOUTH) : EnumSet.noneOf(Audience.class);
            case LAW_ENFORCEMENT -> r < 0.35 ? EnumSet.of(Audience.LAW_ENFORCEMENT_ONLY)
                    : EnumSet.noneOf(Audience.class);
            case TRAINING -> r < 0.15 ? EnumSet.of(Audience.LAW_ENFORCEMENT_ONLY) : EnumSet.noneOf(Audience.class);
            case MISSING_CHILD -> EnumSet.noneOf(Audience.class);
            default -> r < 0.03 ? EnumSet.of(Audience.YOUTH) : EnumSet.noneOf(Audience.class);
        };
    }

    private static String name(Random random, Place place, NeedProfile profile, Set<Audience> audiences) {
        String ending = pick(random, profile.nameEndings());
        String name = switch (place.reach()) {
            case NATIONAL -> switch (random.nextInt(4)) {
                case 0 -> "National " + ending;
                case 1 -> pick(random, NAME_PREFIXES) + " National " + ending;
                case 2 -> "U.S. " + ending;
                default -> pick(random, NAME_PREFIXES) + " " + ending + " of America";
            };
            case STATE -> {
                double r = random.nextDouble();
                String state = place.state().displayName();
                if (profile.need() == Need.LAW_ENFORCEMENT) {
                    yield state + (r < 0.5 ? " State Police Human Trafficking Unit"
                            : " Attorney General's Human Trafficking Task Force");
                }
                yield r < 0.75 ? state + " " + ending : pick(random, NAME_PREFIXES) + " " + state;
            }
            case POSTAL_CODE -> random.nextDouble() < 0.6 ? place.county().city() + " " + ending
                    : pick(random, NAME_PREFIXES) + " " + place.county().city();
            case COUNTY -> {
                double r = random.nextDouble();
                if (r < 0.6 || profile.need() == Need.LAW_ENFORCEMENT) {
                    yield place.county().displayName() + " " + ending;
                }
                yield r < 0.85 ? place.county().placeName() + " " + ending
                        : pick(random, NAME_PREFIXES) + " of " + place.county().displayName();
            }
        };
        // A youth-only line says so in its name.
        if (audiences.contains(Audience.YOUTH) && !name.contains("Youth") && !name.contains("Teen")) {
            name += " for Youth";
        }
        return name;
    }

    private static Set<String> languages(Random random, Place place) {
        Set<String> languages = new LinkedHashSet<>();
        if (place.state() == UsState.PR) {
            languages.add("es");
            if (random.nextDouble() < 0.6) {
                languages.add("en");
            }
            return Collections.unmodifiableSet(languages);
        }
        languages.add("en");
        double spanish = place.reach() == Reach.NATIONAL ? 0.8
                : SPANISH_STATES.contains(place.state()) ? 0.55 : 0.25;
        if (random.nextDouble() < spanish) {
            languages.add("es");
        }
        if (random.nextDouble() < 0.12) {
            int more = 1 + random.nextInt(2);
            for (int i = 0; i < more; i++) {
                languages.add(pick(random, OTHER_LANGUAGES));
            }
        }
        return Collections.unmodifiableSet(languages);
    }

    private List<Service> services(Random random, int index, Place place, NeedProfile profile) {
        double r = random.nextDouble();
        int count = r < 0.5 ? 1 : r < 0.85 ? 2 : 3;
        List<Service> services = new ArrayList<>(count);
        Set<Need> mainNeeds = EnumSet.noneOf(Need.class);
        NeedProfile current = profile;
        for (int s = 0; s < count; s++) {
            mainNeeds.add(current.need());
            // The service's main need first, then what it covers as well.
            Set<Need> needs = new LinkedHashSet<>();
            needs.add(current.need());
            for (Need related : profile.related()) {
                if (random.nextDouble() < 0.25) {
                    needs.add(related);
                }
            }
            Hours hours = hoursPlanner.plan(random, place.timeZone(), open24hShare(place, current));
            services.add(new Service(id(index, s + 1), pick(random, current.serviceNames()),
                    Collections.unmodifiableSet(needs),
                    phone(random, place.areaCode()), hours, place.area()));
            current = nextService(random, profile, mainNeeds);
            if (current == null) {
                break;
            }
        }
        return List.copyOf(services);
    }

    /** The next service's main need: a related need not yet the main need of a service, or none left. */
    private static NeedProfile nextService(Random random, NeedProfile profile, Set<Need> taken) {
        List<Need> left = profile.related().stream().filter(n -> !taken.contains(n)).toList();
        return left.isEmpty() ? null : NeedProfile.of(pick(random, left));
    }

    private static double open24hShare(Place place, NeedProfile profile) {
        return place.reach() == Reach.NATIONAL ? Math.max(0.6, profile.open24hShare()) : profile.open24hShare();
    }

    /** 1-AAA-555-01xx: a real area code with a line from the range reserved for fiction, never a real number. */
    private static String phone(Random random, String areaCode) {
        return String.format("1-%s-555-01%02d", areaCode, random.nextInt(100));
    }

    /** A random-looking (version 4) UUID that depends only on the seed, the organisation and the slot. */
    private UUID id(int index, int slot) {
        long base = mix(seed ^ mix(((long) index << 8 | slot) + 0x9E3779B97F4A7C15L));
        long msb = (mix(base) & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long lsb = (mix(base + 0x632BE59BD9B4E019L) & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** SplitMix64's finaliser: spreads nearby inputs (seed, index) over the whole 64-bit range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
