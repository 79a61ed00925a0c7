package org.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline.calendar.BusinessCalendar;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.Urgency;
import org.hotline.generator.DirectoryGenerator;
import org.hotline.routing.config.RulesProducer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The index-backed selection over a large generated directory (20,000 organisations across every state) chooses
 * exactly what a plain scan of the whole directory by DESIGN §5 chooses, and its explanation accounts for every
 * organisation offering each need, individually or by count, in a bounded number of lines.
 */
class LargeDirectorySelectionTest {

    static final int ORGANIZATIONS = 20_000;
    static final int CONTACTS = 400;
    static final Instant MONDAY = Instant.parse("2026-11-23T05:00:00Z"); // 00:00 Eastern

    static final RoutingRules RULES = ShippedRules.rules();
    static final AudienceRules AUDIENCES = RulesProducer.audienceRules(ShippedRules.CONFIG);

    static List<OrganizationUpserted> directory;
    static Map<Need, List<OrganizationUpserted>> offering;
    static DirectorySnapshot snapshot;

    @BeforeAll
    static void generate() {
        directory = new DirectoryGenerator(20261124L).organizations(ORGANIZATIONS).toList();
        offering = new EnumMap<>(Need.class);
        for (OrganizationUpserted o : directory) {
            for (Need need : Need.values()) {
                if (o.services().stream().anyMatch(s -> s.needs().contains(need))) {
                    offering.computeIfAbsent(need, n -> new ArrayList<>()).add(o);
                }
            }
        }
        snapshot = DirectorySnapshot.of(directory);
    }

    @Test
    void choosesWhatAFullScanChoosesAndAccountsForEveryOrganisation() {
        Random random = new Random(7);
        // The directory alone: no fallback lines and no last resort, so that every target comes from the index.
        TargetSelector selector = new TargetSelector(DirectorySnapshot.empty(), AUDIENCES, null);
        int urgentContacts = 0;
        int targets = 0;
        for (int i = 0; i < CONTACTS; i++) {
            ContactFacts contact = contact(random);
            Instant at = MONDAY.plus(Duration.ofMinutes(random.nextInt(7 * 24 * 60)));
            Assessment assessment = RULES.assess(contact);
            urgentContacts += assessment.urgency() == Urgency.URGENT ? 1 : 0;

            TargetSelection selection = selector.select(contact, assessment, at, snapshot);

            List<String> expected = new ArrayList<>();
            for (Need need : TargetSelector.needs(contact, assessment)) {
                expected.addAll(fullScan(need, contact, assessment, at));
            }
            assertThat(selection.targets().stream().map(t -> t.organizationId() + ":" + t.need() + ":" + t.level()
                    + (t.fallback() ? ":fallback" : "")).toList()).as("contact %d at %s", i, at)
                    .containsExactlyElementsOf(expected);
            targets += selection.targets().size();
            for (Need need : TargetSelector.needs(contact, assessment)) {
                assertAccountsForEveryOrganisation(need, selection.rules());
            }
        }
        // The sample covers urgent and non-urgent contacts, and finds targets.
        assertThat(urgentContacts).isBetween(CONTACTS / 10, CONTACTS - CONTACTS / 10);
        assertThat(targets).isGreaterThan(CONTACTS);
    }

    /** One line per listed candidate plus counts: together exactly the organisations offering the need. */
    private static void assertAccountsForEveryOrganisation(Need need, List<String> rules) {
        Pattern listed = Pattern.compile("^(target|passed over): (?!\\d+ more for ).+ for " + need + " \\(.*");
        Pattern passedOverCount = Pattern.compile("^passed over: (\\d+) more for " + need + " \\(.*");
        Pattern notExamined = Pattern.compile("^not examined: (\\d+) more for " + need + ",.*");
        Pattern outOfArea = Pattern.compile("^out of area: (\\d+) other organisations? offers? " + need + "$");
        int individually = 0;
        int counted = 0;
        for (String rule : rules) {
            if (listed.matcher(rule).matches()) {
                individually++;
            }
            for (Pattern count : List.of(passedOverCount, notExamined, outOfArea)) {
                Matcher m = count.matcher(rule);
                if (m.matches()) {
                    counted += Integer.parseInt(m.group(1));
                }
            }
        }
        int offered = offering.getOrDefault(need, List.of()).size();
        assertThat(individually + counted).as("organisations accounted for, " + need).isEqualTo(offered);
        assertThat(individually).as("lines for " + need)
                .isLessThanOrEqualTo(TargetSelector.EXPLAINED_PER_NEED + TargetSelector.PER_NEED);
    }

    /** DESIGN §5 by brute force: every organisation offering the need, checked and ranked. */
    private static List<String> fullScan(Need need, ContactFacts contact, Assessment assessment, Instant at) {
        boolean urgent = assessment.urgency() == Urgency.URGENT;
        record Eligible(OrganizationUpserted organization, OrganizationUpserted.Service service, AreaLevel level) {
        }
        List<Eligible> eligible = new ArrayList<>();
        for (OrganizationUpserted o : offering.getOrDefault(need, List.of())) {
            Set<Audience> audiences = o.audiences() == null ? Set.of() : o.audiences();
            if (o.emergencyDispatch() || (o.lawEnforcement() && !assessment.lawEnforcementReferral())
                    || !AUDIENCES.admission(audiences, contact, assessment.lawEnforcementReferral()).admitted()) {
                continue;
            }
            Eligible best = null;
            for (OrganizationUpserted.Service s : o.services()) {
                AreaLevel level = level(s.area(), contact.location());
                if (!s.needs().contains(need) || level == null) {
                    continue;
                }
                if (urgent) {
                    try {
                        if (!ServiceHours.of(s.hours()).isOpenAt(at)) {
                            continue;
                        }
                    } catch (RuntimeException unreadable) {
                        continue;
                    }
                }
                if (best == null || level.compareTo(best.level()) < 0) {
                    best = new Eligible(o, s, level);
                }
            }
            if (best != null) {
                eligible.add(best);
            }
        }
        eligible.sort(Comparator.comparing(Eligible::level)
                .thenComparing(e -> e.organization().lastVerifiedOn(), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(e -> e.organization().name(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(e -> e.organization().id()));
        boolean localOrState = eligible.stream().anyMatch(e -> e.level() != AreaLevel.NATIONAL);
        return eligible.stream().limit(TargetSelector.PER_NEED).map(e -> e.organization().id() + ":" + need + ":"
                + e.level() + (urgent && !localOrState && e.level() == AreaLevel.NATIONAL
                        && e.service().hours().open24h() ? ":fallback" : "")).toList();
    }

    /** The area rule written out independently of the index's keys. */
    private static AreaLevel level(OrganizationUpserted.Area area, Location location) {
        if (location != null) {
            String postal = location.postalCode() == null || location.postalCode().length() < 5 ? null
                    : location.postalCode().substring(0, 5);
            if (postal != null && area.postalCodes().stream().anyMatch(p -> p.startsWith(postal))) {
                return AreaLevel.LOCAL;
            }
            if (location.county() != null && location.state() != null && area.counties().stream()
                    .anyMatch(c -> c.equalsIgnoreCase(location.state() + ":" + location.county()))) {
                return AreaLevel.LOCAL;
            }
            if (location.state() != null && area.states().stream().anyMatch(s -> s.equalsIgnoreCase(location.state()))) {
                return AreaLevel.STATE;
            }
        }
        return area.national() ? AreaLevel.NATIONAL : null;
    }

    /** A contact somewhere the generated directory works, with needs, indicators and consent mixed. */
    private static ContactFacts contact(Random random) {
        OrganizationUpserted.Area area = directory.get(random.nextInt(directory.size())).services().get(0).area();
        Location location;
        if (!area.counties().isEmpty()) {
            String[] county = area.counties().iterator().next().split(":", 2);
            location = new Location(null, random.nextBoolean() ? county[1] : county[1].toLowerCase(Locale.ROOT),
                    county[0], null, "US");
        } else if (!area.postalCodes().isEmpty()) {
            location = new Location(null, null, null, area.postalCodes().iterator().next() + "-1234", "US");
        } else if (!area.states().isEmpty()) {
            location = new Location(null, null, area.states().iterator().next(), null, "US");
        } else {
            location = random.nextInt(3) == 0 ? null : new Location(null, "Harris", "TX", "77002", "US");
        }
        Set<Need> needs = EnumSet.noneOf(Need.class);
        int count = random.nextInt(3);
        for (int n = 0; n < count; n++) {
            needs.add(Need.values()[random.nextInt(Need.values().length)]);
        }
        Set<Indicator> indicators = EnumSet.noneOf(Indicator.class);
        if (random.nextInt(5) == 0) {
            indicators.add(Indicator.MINOR_INVOLVED);
        }
        if (random.nextInt(10) == 0) {
            indicators.add(Indicator.IMMINENT_DANGER);
        }
        CallType type = random.nextInt(4) == 0 ? CallType.CRISIS : CallType.REFERRAL_REQUEST;
        return new ContactFacts("CALL-LARGE0001", ContactKind.CALL, type, Channel.PHONE, MONDAY,
                random.nextInt(6) == 0, indicators, needs, location, random.nextInt(3) == 0, false);
    }
}
