package org.hotline.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.hotline.contracts.EventCodec;
import org.hotline.contracts.EventType;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.events.OrganizationUpserted.Area;
import org.hotline.contracts.events.OrganizationUpserted.Service;
import org.hotline.contracts.events.OrganizationUpserted.WeeklyHours;
import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.Need;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DirectoryGeneratorTest {

    static final int COUNT = 50_000;
    static final Pattern TIME_OF_DAY = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    /** The directory-service's phone rule, and the fictional 555-01xx range on top. */
    static final Pattern DIRECTORY_PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{1,29}");
    static final Pattern FICTIONAL_PHONE = Pattern.compile("1-\\d{3}-555-01\\d{2}");
    static final Pattern COUNTY_KEY = Pattern.compile("[A-Z]{2}:[^:\\s][^:]*");
    static final Set<String> DAYS = Set.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    static List<OrganizationUpserted> directory;
    static final EventCodec codec = new EventCodec();

    @BeforeAll
    static void generate() {
        directory = new DirectoryGenerator(42).organizations(COUNT).toList();
    }

    @Test
    void theSameSeedGivesTheSameDirectoryByteForByte() {
        List<String> first = new DirectoryGenerator(7).organizations(2_000).map(codec::encode).toList();
        List<String> second = new DirectoryGenerator(7).organizations(2_000).map(codec::encode).toList();
        assertThat(second).isEqualTo(first);
        assertThat(first).doesNotHaveDuplicates();
    }

    @Test
    void aShorterRunIsThePrefixOfALongerOneAndEachOrganisationDependsOnlyOnItsIndex() {
        DirectoryGenerator generator = new DirectoryGenerator(42);
        assertThat(generator.organizations(300).toList()).isEqualTo(directory.subList(0, 300));
        assertThat(generator.organization(12_345)).isEqualTo(directory.get(12_345));
        // Parallel consumers get the same records.
        assertThat(generator.organizations(2_000).parallel().toList()).isEqualTo(directory.subList(0, 2_000));
    }

    @Test
    void anotherSeedGivesAnotherDirectory() {
        List<OrganizationUpserted> other = new DirectoryGenerator(43).organizations(1_000).toList();
        Set<UUID> ids = other.stream().map(OrganizationUpserted::id).collect(Collectors.toSet());
        assertThat(directory.subList(0, 1_000)).noneMatch(o -> ids.contains(o.id()));
        assertThat(other.stream().map(OrganizationUpserted::name).toList())
                .isNotEqualTo(directory.subList(0, 1_000).stream().map(OrganizationUpserted::name).toList());
    }

    @Test
    void everyOrganisationPassesTheEventSchemaAndSurvivesARoundTrip() {
        for (OrganizationUpserted organization : directory) {
            String json = codec.encode(organization);
            if (organization.id().hashCode() % 20 == 0) {
                assertThat(codec.decode(EventType.ORGANIZATION_UPSERTED, json, OrganizationUpserted.class))
                        .isEqualTo(organization);
            }
        }
    }

    @Test
    void idsOfOrganisationsAndServicesAreUniqueVersion4Uuids() {
        Set<UUID> ids = new HashSet<>();
        for (OrganizationUpserted organization : directory) {
            assertThat(ids.add(organization.id())).as("organisation id unique").isTrue();
            for (Service service : organization.services()) {
                assertThat(ids.add(service.id())).as("service id unique").isTrue();
            }
        }
        assertThat(ids).allMatch(id -> id.version() == 4 && id.variant() == 2);
    }

    @Test
    void everyStateAndTerritoryHasLocalAndStateWideOrganisations() {
        Set<String> local = new HashSet<>();
        Set<String> stateWide = new HashSet<>();
        for (OrganizationUpserted organization : directory) {
            Area area = organization.services().get(0).area();
            area.counties().forEach(c -> local.add(c.substring(0, 2)));
            stateWide.addAll(area.states());
        }
        Set<String> all = UsState.all().stream().map(Enum::name).collect(Collectors.toSet());
        assertThat(all).hasSize(52).contains("DC", "PR");
        assertThat(local).isEqualTo(all);
        assertThat(stateWide).isEqualTo(all);
    }

    @Test
    void sharesOfLocalStateAndNationalOrganisationsAreAsDesigned() {
        Map<Reach, Integer> byReach = new EnumMap<>(Reach.class);
        for (OrganizationUpserted organization : directory) {
            byReach.merge(reachOf(organization), 1, Integer::sum);
        }
        double local = share(byReach.get(Reach.COUNTY) + byReach.get(Reach.POSTAL_CODE));
        assertThat(local).isCloseTo(0.80, within(0.015));
        assertThat(share(byReach.get(Reach.POSTAL_CODE))).isBetween(0.10, 0.16);
        assertThat(share(byReach.get(Reach.STATE))).isCloseTo(0.17, within(0.01));
        assertThat(share(byReach.get(Reach.NATIONAL))).isCloseTo(0.03, within(0.005));
    }

    @Test
    void everyNeedIsCoveredCommonOnesOftenAndMissingChildRarely() {
        Map<Need, Integer> mainNeeds = new EnumMap<>(Need.class);
        Map<Need, Integer> covered = new EnumMap<>(Need.class);
        for (OrganizationUpserted organization : directory) {
            mainNeeds.merge(organization.services().get(0).needs().iterator().next(), 1, Integer::sum);
            organization.services().stream().flatMap(s -> s.needs().stream()).distinct()
                    .forEach(n -> covered.merge(n, 1, Integer::sum));
        }
        assertThat(covered).containsOnlyKeys(Need.values());
        assertThat(mainNeeds).containsOnlyKeys(Need.values());
        for (Need common : List.of(Need.SHELTER, Need.LEGAL, Need.CASE_MANAGEMENT)) {
            assertThat(share(mainNeeds.get(common))).as(common.name()).isGreaterThan(0.08);
            assertThat(mainNeeds.get(common)).isGreaterThan(10 * mainNeeds.get(Need.MISSING_CHILD));
        }
        assertThat(share(mainNeeds.get(Need.MISSING_CHILD))).isLessThan(0.01);
    }

    @Test
    void onlyLawEnforcementOrganisationsCoverTheLawEnforcementNeed() {
        long taskForces = 0;
        for (OrganizationUpserted organization : directory) {
            boolean coversLawEnforcement = organization.services().stream()
                    .anyMatch(s -> s.needs().contains(Need.LAW_ENFORCEMENT));
            assertThat(coversLawEnforcement).as(organization.name()).isEqualTo(organization.lawEnforcement());
            assertThat(organization.emergencyDispatch()).isFalse();
            if (organization.lawEnforcement()) {
                taskForces++;
            }
        }
        assertThat(share(taskForces)).isBetween(0.01, 0.05);
    }

    @Test
    void aSmallShareHasAudiencesYouthLinesAndLawEnforcementOnlyLines() {
        Map<Audience, Integer> audiences = new EnumMap<>(Audience.class);
        for (OrganizationUpserted organization : directory) {
            organization.audiences().forEach(a -> audiences.merge(a, 1, Integer::sum));
            if (organization.audiences().contains(Audience.YOUTH)) {
                assertThat(organization.name()).containsAnyOf("Youth", "Teen");
            }
        }
        assertThat(share(audiences.get(Audience.YOUTH))).isBetween(0.02, 0.10);
        assertThat(share(audiences.get(Audience.LAW_ENFORCEMENT_ONLY))).isBetween(0.005, 0.03);
    }

    @Test
    void hoursAreValidInRealZonesWithEveryKindOfSchedule() {
        Set<String> zones = ZoneId.getAvailableZoneIds();
        LocalDate lastClosedDate = DirectoryGenerator.REFERENCE_DATE.plusYears(1);
        int services = 0;
        int open24h = 0;
        int pastMidnight = 0;
        int withClosedDates = 0;
        int weekend = 0;
        for (OrganizationUpserted organization : directory) {
            for (Service service : organization.services()) {
                services++;
                var hours = service.hours();
                assertThat(zones).contains(hours.timeZone());
                if (hours.open24h()) {
                    open24h++;
                    assertThat(hours.weekly()).isEmpty();
                    continue;
                }
                assertThat(hours.weekly()).isNotEmpty();
                for (WeeklyHours span : hours.weekly()) {
                    assertThat(span.days()).isNotEmpty().isSubsetOf(DAYS);
                    assertThat(span.opens()).matches(TIME_OF_DAY);
                    assertThat(span.closes()).matches(TIME_OF_DAY).isNotEqualTo(span.opens());
                    if (span.closes().compareTo(span.opens()) < 0) {
                        pastMidnight++;
                    }
                    if (span.days().contains("SAT") || span.days().contains("SUN")) {
                        weekend++;
                    }
                }
                assertThat(hours.closedDates()).allMatch(d -> !d.isBefore(DirectoryGenerator.REFERENCE_DATE)
                        && d.isBefore(lastClosedDate));
                if (!hours.closedDates().isEmpty()) {
                    withClosedDates++;
                }
            }
        }
        assertThat((double) open24h / services).isBetween(0.15, 0.35);
        assertThat((double) pastMidnight / services).isBetween(0.02, 0.10);
        assertThat((double) withClosedDates / services).isBetween(0.40, 0.70);
        assertThat(weekend).isPositive();
    }

    @Test
    void servicesKeepTheTimeZoneOfTheirCountyOrState() {
        UsGeography geography = UsGeography.get();
        Map<String, String> countyZones = new HashMap<>();
        geography.counties().forEach(c -> countyZones.put(c.areaKey(), c.timeZone()));
        Set<String> multiZoneStates = new HashSet<>();
        for (OrganizationUpserted organization : directory) {
            for (Service service : organization.services()) {
                Area area = service.area();
                String zone = service.hours().timeZone();
                if (!area.counties().isEmpty()) {
                    assertThat(area.counties()).anyMatch(c -> zone.equals(countyZones.get(c)));
                } else if (!area.states().isEmpty()) {
                    UsState state = UsState.of(area.states().iterator().next());
                    assertThat(zone).isEqualTo(geography.timeZone(state));
                }
            }
        }
        // Multi-zone states: local services follow their county, e.g. Pensacola on Central, Miami on Eastern time.
        for (OrganizationUpserted organization : directory) {
            for (String county : organization.services().get(0).area().counties()) {
                if (county.startsWith("FL:")) {
                    multiZoneStates.add(countyZones.get(county));
                }
            }
        }
        assertThat(multiZoneStates).contains("America/New_York", "America/Chicago");
    }

    @Test
    void areasUseTheDirectorysSpellingOfStatesCountiesAndZipCodes() {
        Set<String> knownCounties = UsGeography.get().counties().stream().map(County::areaKey)
                .collect(Collectors.toSet());
        // Offenders are collected and asserted once: an AssertJ assertion per area (a hundred thousand of them, each
        // scanning the county set as a list) took half a minute.
        List<String> offenders = new ArrayList<>();
        for (OrganizationUpserted organization : directory) {
            for (Service service : organization.services()) {
                Area area = service.area();
                area.counties().stream().filter(c -> !COUNTY_KEY.matcher(c).matches() || !knownCounties.contains(c))
                        .forEach(c -> offenders.add("county " + c));
                area.states().stream().filter(st -> !st.matches("[A-Z]{2}")).forEach(st -> offenders.add("state " + st));
                area.postalCodes().stream().filter(z -> !z.matches("\\d{5}")).forEach(z -> offenders.add("zip " + z));
                int levels = (area.national() ? 1 : 0) + (area.states().isEmpty() ? 0 : 1)
                        + (area.counties().isEmpty() ? 0 : 1) + (area.postalCodes().isEmpty() ? 0 : 1);
                if (levels != 1) {
                    offenders.add(service.id() + " has " + levels + " levels, not one");
                }
            }
        }
        assertThat(offenders).as("areas not in the directory's spelling").isEmpty();
    }

    @Test
    void namesPhonesLanguagesAndDatesArePlausible() {
        LocalDate twoYearsBefore = DirectoryGenerator.REFERENCE_DATE.minusYears(2);
        Set<String> names = new HashSet<>();
        int spanish = 0;
        for (OrganizationUpserted organization : directory) {
            assertThat(organization.name()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            names.add(organization.name());
            assertThat(organization.languages()).isNotEmpty()
                    .allMatch(l -> l.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*"));
            if (organization.languages().contains("es")) {
                spanish++;
            }
            assertThat(organization.lastVerifiedOn()).isBetween(twoYearsBefore, DirectoryGenerator.REFERENCE_DATE);
            assertThat(organization.version()).isEqualTo(DirectoryGenerator.VERSION);
            assertThat(organization.updatedAt()).isEqualTo(DirectoryGenerator.UPDATED_AT);
            assertThat(organization.services()).hasSizeBetween(1, 3);
            for (Service service : organization.services()) {
                assertThat(service.phone()).matches(FICTIONAL_PHONE).matches(DIRECTORY_PHONE);
                assertThat(service.name()).isNotBlank();
                assertThat(service.needs()).isNotEmpty();
            }
        }
        assertThat(names.size()).as("mostly distinct names").isGreaterThan(COUNT / 2);
        assertThat(share(spanish)).isBetween(0.25, 0.50);
        assertThat(directory).anyMatch(o -> o.name().endsWith("County Anti-Trafficking Coalition"));
        assertThat(directory).anyMatch(o -> o.name().contains("Legal Aid"));
    }

    @Test
    void rejectsNegativeCountsAndIndexes() {
        DirectoryGenerator generator = new DirectoryGenerator(1);
        assertThatThrownBy(() -> generator.organizations(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator.organization(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(generator.organizations(0)).isEmpty();
    }

    static Reach reachOf(OrganizationUpserted organization) {
        Area area = organization.services().get(0).area();
        if (area.national()) {
            return Reach.NATIONAL;
        }
        if (!area.states().isEmpty()) {
            return Reach.STATE;
        }
        return area.counties().isEmpty() ? Reach.POSTAL_CODE : Reach.COUNTY;
    }

    static double share(long n) {
        return (double) n / COUNT;
    }
}
