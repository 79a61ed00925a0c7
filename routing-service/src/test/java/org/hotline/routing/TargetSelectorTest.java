package org.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.hotline.calendar.BusinessCalendar;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.events.OrganizationUpserted.Area;
import org.hotline.contracts.events.OrganizationUpserted.Hours;
import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Referral target selection over a fixed directory: the seed's key numbers with their real hours, audiences and areas,
 * plus local organisations (see {@link TestDirectory}). Expected targets read {@code ALIAS:NEED}, with {@code *} for a
 * fallback, in need order and then rank.
 */
class TargetSelectorTest {

    // November 2026: Eastern is UTC-5, Pacific UTC-8.
    static final Instant TUE_10_EASTERN = Instant.parse("2026-11-24T15:00:00Z"); // 07:00 Pacific
    static final Instant TUE_10_PACIFIC = Instant.parse("2026-11-24T18:00:00Z"); // 13:00 Eastern
    static final Instant TUE_1630_PACIFIC = Instant.parse("2026-11-25T00:30:00Z"); // 19:30 Eastern
    static final Instant TUE_1700_PACIFIC = Instant.parse("2026-11-25T01:00:00Z");
    static final Instant FRI_1659_EASTERN = Instant.parse("2026-11-20T21:59:00Z");
    static final Instant FRI_1700_EASTERN = Instant.parse("2026-11-20T22:00:00Z");
    static final Instant SATURDAY = Instant.parse("2026-11-21T16:00:00Z");
    static final Instant NIGHT = Instant.parse("2026-11-25T08:00:00Z"); // 03:00 Eastern
    static final Instant THANKSGIVING_10_EASTERN = Instant.parse("2026-11-26T15:00:00Z");
    static final Instant THANKSGIVING_10_PACIFIC = Instant.parse("2026-11-26T18:00:00Z");

    static final Location SALINAS = new Location("Salinas", "Monterey", "CA", "93901", "US");
    static final Location FRESNO = new Location("Fresno", "Fresno", "CA", "93721", "US");
    static final Location NEW_YORK = new Location("New York", "New York", "NY", "10001", "US");
    static final Location HOUSTON = new Location("Houston", "Harris", "TX", "77002", "US");

    static final String DOJ = "U.S. Department of Justice Trafficking in Persons and Worker Exploitation Task Force";
    static final String NHTRC = "National Human Trafficking Resource Center (NHTRC)";
    static final String COAST = "California Central Coast Coalition to Stop Enslavement";
    static final String MONTEREY = "Monterey County Anti-Trafficking Services";

    enum Directory { STANDARD, DOJ_CLOSED_ON_THANKSGIVING, EMPTY }

    record Scenario(String name, ContactFacts contact, Instant at, Directory directory, List<String> expected,
            List<String> ruleFragments) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** An urgent law-enforcement need nothing open takes: the hotline's own 24-hour line, the last resort. */
    static final String LAST_RESORT_LAW_ENFORCEMENT = "target: National Human Trafficking Resource Center (NHTRC) for"
            + " LAW_ENFORCEMENT (fallback: no open line for LAW_ENFORCEMENT admits the contact; the hotline's 24-hour"
            + " line connects the caller to a specialist)";

    private static final RoutingRules RULES = ShippedRules.rules();

    private final TargetSelector selector = ShippedRules.selector();

    static Stream<Scenario> scenarios() {
        return Stream.of(
                s("general information, no location, not urgent: the national hotline",
                        contact(CallType.GENERAL_INFO, Set.of(), Set.of(Need.INFORMATION), null, false), TUE_10_EASTERN,
                        List.of("NHTRC:INFORMATION"),
                        "target: " + NHTRC + " for INFORMATION (national, 24h)"),
                s("training in Monterey on a Saturday, not urgent: office hours do not matter",
                        contact(CallType.TRAINING_TA, Set.of(), Set.of(Need.TRAINING), SALINAS, false), SATURDAY,
                        List.of("CENTRAL_COAST:TRAINING", "NHTRC:TRAINING"),
                        "target: " + COAST + " for TRAINING (local, not urgent, hours not required)"),
                s("crisis about labour rights in New York: the 24-hour national line, as a fallback",
                        contact(CallType.CRISIS, Set.of(), Set.of(Need.LABOR_RIGHTS), NEW_YORK, false), TUE_10_EASTERN,
                        List.of("NHTRC:LABOR_RIGHTS*"),
                        "target: " + NHTRC + " for LABOR_RIGHTS (fallback: no open local or state target; national, 24h)"),
                s("shelter in Salinas on a Saturday, not urgent: two local targets, most recently verified first",
                        contact(CallType.REFERRAL_REQUEST, Set.of(), Set.of(Need.SHELTER), SALINAS, false), SATURDAY,
                        List.of("CENTRAL_COAST:SHELTER", "MONTEREY:SHELTER"),
                        "passed over: Salinas Youth Refuge for SHELTER (audience YOUTH does not admit this contact)",
                        "passed over: Covenant House NINEline for SHELTER (audience YOUTH does not admit this contact)",
                        "passed over: California Statewide Shelter Network for SHELTER (ranked below 2 better targets)"),
                s("urgent shelter in Salinas at 10:00 Pacific: the local offices are open",
                        contact(CallType.CRISIS, Set.of(), Set.of(Need.SHELTER), SALINAS, false), TUE_10_PACIFIC,
                        List.of("CENTRAL_COAST:SHELTER", "MONTEREY:SHELTER"),
                        "target: " + MONTEREY + " for SHELTER (local, open now)"),
                s("urgent shelter in Salinas on a Saturday: offices closed, the state 24-hour line leads",
                        contact(CallType.CRISIS, Set.of(), Set.of(Need.SHELTER), SALINAS, false), SATURDAY,
                        List.of("CA_SHELTER:SHELTER", "NDVH:SHELTER"),
                        "passed over: " + MONTEREY + " for SHELTER (closed at decision time)",
                        "passed over: " + COAST + " for SHELTER (closed at decision time)"),
                s("urgent case management in Salinas on a Saturday: fallback to the national line",
                        contact(CallType.CRISIS, Set.of(), Set.of(Need.CASE_MANAGEMENT), SALINAS, false), SATURDAY,
                        List.of("NHTRC:CASE_MANAGEMENT*"),
                        "passed over: " + COAST + " for CASE_MANAGEMENT (closed at decision time)"),
                s("a Pacific office is open at 16:30 Los Angeles, 19:30 Eastern",
                        contact(CallType.CRISIS, Set.of(), Set.of(Need.CASE_MANAGEMENT), SALINAS, false),
                        TUE_1630_PACIFIC, List.of("CENTRAL_COAST:CASE_MANAGEMENT", "MONTEREY:CASE_MANAGEMENT")),
                s("a Pacific office is closed at 17:00 Los Angeles",
                        contact(CallType.CRISIS, Set.of(), Set.of(Need.CASE_MANAGEMENT), SALINAS, false),
                        TUE_1700_PACIFIC, List.of("NHTRC:CASE_MANAGEMENT*"),
                        "passed over: " + MONTEREY + " for CASE_MANAGEMENT (closed at decision time)"),
                s("consented tip on a Saturday, not urgent: the DOJ task force, hours not required",
                        contact(CallType.TIP, Set.of(), Set.of(Need.LABOR_RIGHTS), NEW_YORK, true), SATURDAY,
                        List.of("DOJ:LAW_ENFORCEMENT", "NHTRC:LABOR_RIGHTS"),
                        "target: " + DOJ + " for LAW_ENFORCEMENT (national, not urgent, hours not required, law enforcement)",
                        "passed over: 9-1-1 Local Emergency Number for LAW_ENFORCEMENT (emergency dispatch, not a referral target)"),
                s("urgent, consented, Friday 16:59 Eastern: the DOJ line is still open",
                        contact(CallType.CRISIS, Set.of(), Set.of(Need.LAW_ENFORCEMENT), NEW_YORK, true),
                        FRI_1659_EASTERN, List.of("DOJ:LAW_ENFORCEMENT"),
                        "target: " + DOJ + " for LAW_ENFORCEMENT (national, open now, law enforcement)"),
                s("urgent, consented, Friday 17:00 Eastern: the DOJ line has closed",
                        contact(CallType.CRISIS, Set.of(), Set.of(Need.LAW_ENFORCEMENT), NEW_YORK, true),
                        FRI_1700_EASTERN, List.of("NHTRC:LAW_ENFORCEMENT*"),
                        "passed over: " + DOJ + " for LAW_ENFORCEMENT (closed at decision time)",
                        LAST_RESORT_LAW_ENFORCEMENT),
                s("urgent, consented, on a weekend: the DOJ line is closed, the hotline's own line is the last resort",
                        contact(CallType.CRISIS, Set.of(), Set.of(Need.LAW_ENFORCEMENT), NEW_YORK, true), SATURDAY,
                        List.of("NHTRC:LAW_ENFORCEMENT*"), "passed over: " + DOJ + " for LAW_ENFORCEMENT (closed at decision time)"),
                s("Thanksgiving 10:00 Eastern: the DOJ data lists no closed date, its weekly schedule says open",
                        contact(CallType.CRISIS, Set.of(), Set.of(Need.LAW_ENFORCEMENT), NEW_YORK, true),
                        THANKSGIVING_10_EASTERN, List.of("DOJ:LAW_ENFORCEMENT")),
                new Scenario("Thanksgiving 10:00 Eastern with Thanksgiving among the DOJ closed dates: closed",
                        contact(CallType.CRISIS, Set.of(), Set.of(Need.LAW_ENFORCEMENT), NEW_YORK, true),
                        THANKSGIVING_10_EASTERN, Directory.DOJ_CLOSED_ON_THANKSGIVING, List.of("NHTRC:LAW_ENFORCEMENT*"),
                        List.of("passed over: " + DOJ + " for LAW_ENFORCEMENT (closed at decision time)")),
                s("law enforcement asked for without consent, minor or danger: never referred",
                        contact(CallType.REFERRAL_REQUEST, Set.of(), Set.of(Need.LAW_ENFORCEMENT), NEW_YORK, false),
                        TUE_10_EASTERN, List.of(),
                        "passed over: " + DOJ + " for LAW_ENFORCEMENT (law enforcement, and no consent, minor or imminent danger allows a referral)"),
                s("a minor without consent: mandated law-enforcement referral, youth lines admitted",
                        contact(CallType.TIP, Set.of(Indicator.MINOR_INVOLVED), Set.of(Need.RUNAWAY_HOMELESS_YOUTH),
                                NEW_YORK, false), TUE_10_EASTERN,
                        List.of("DOJ:LAW_ENFORCEMENT", "COVENANT:RUNAWAY_HOMELESS_YOUTH*",
                                "RUNAWAY:RUNAWAY_HOMELESS_YOUTH*")),
                s("runaway and homeless help without a minor: the need itself is about a young person, youth lines admitted",
                        contact(CallType.REFERRAL_REQUEST, Set.of(), Set.of(Need.RUNAWAY_HOMELESS_YOUTH), NEW_YORK,
                                false), TUE_10_EASTERN,
                        List.of("COVENANT:RUNAWAY_HOMELESS_YOUTH", "RUNAWAY:RUNAWAY_HOMELESS_YOUTH"),
                        "target: Covenant House NINEline for RUNAWAY_HOMELESS_YOUTH (national, 24h; audience YOUTH:"
                                + " need RUNAWAY_HOMELESS_YOUTH)"),
                s("a minor in Salinas: the local youth refuge and the state law-enforcement line first",
                        contact(CallType.TIP, Set.of(Indicator.MINOR_INVOLVED), Set.of(Need.RUNAWAY_HOMELESS_YOUTH),
                                SALINAS, false), TUE_10_EASTERN,
                        List.of("CA_LE_LINE:LAW_ENFORCEMENT", "DOJ:LAW_ENFORCEMENT",
                                "YOUTH_REFUGE:RUNAWAY_HOMELESS_YOUTH", "COVENANT:RUNAWAY_HOMELESS_YOUTH")),
                s("imminent danger without consent on a weekday: DOJ, and 911 advised",
                        contact(CallType.TIP, Set.of(Indicator.IMMINENT_DANGER), Set.of(), NEW_YORK, false),
                        TUE_10_EASTERN, List.of("DOJ:LAW_ENFORCEMENT"),
                        "emergency: advise the caller to dial 911 ([IMMINENT_DANGER])",
                        "passed over: 9-1-1 Local Emergency Number for LAW_ENFORCEMENT (emergency dispatch, not a referral target)"),
                s("imminent danger at 03:00 Eastern: no open law-enforcement line, 911 advised, the hotline's own line",
                        contact(CallType.TIP, Set.of(Indicator.IMMINENT_DANGER), Set.of(), NEW_YORK, false), NIGHT,
                        List.of("NHTRC:LAW_ENFORCEMENT*"), LAST_RESORT_LAW_ENFORCEMENT),
                s("consented tip in Salinas on a Saturday, not urgent: state law-enforcement-only line, then DOJ",
                        contact(CallType.TIP, Set.of(), Set.of(), SALINAS, true), SATURDAY,
                        List.of("CA_LE_LINE:LAW_ENFORCEMENT", "DOJ:LAW_ENFORCEMENT")),
                s("a minor in Fresno on a Saturday: the open state law-enforcement line, DOJ closed",
                        contact(CallType.TIP, Set.of(Indicator.MINOR_INVOLVED), Set.of(), FRESNO, false), SATURDAY,
                        List.of("CA_LE_LINE:LAW_ENFORCEMENT"),
                        "passed over: " + DOJ + " for LAW_ENFORCEMENT (closed at decision time)"),
                s("legal help in Salinas without law enforcement: the law-enforcement-only line is passed over",
                        contact(CallType.REFERRAL_REQUEST, Set.of(), Set.of(Need.LEGAL), SALINAS, false), SATURDAY,
                        List.of("CENTRAL_COAST:LEGAL", "MONTEREY:LEGAL"),
                        "passed over: California Trafficking Task Force Intake for LEGAL (audience LAW_ENFORCEMENT_ONLY does not admit this contact)",
                        "out of area: 1 other organisation offers LEGAL"),
                s("legal and immigration help in Houston: the Texas state line, then the national one",
                        contact(CallType.REFERRAL_REQUEST, Set.of(), Set.of(Need.LEGAL, Need.IMMIGRATION), HOUSTON,
                                false), TUE_10_EASTERN,
                        List.of("TX_LEGAL:LEGAL", "NHTRC:LEGAL", "TX_LEGAL:IMMIGRATION", "NHTRC:IMMIGRATION"),
                        "out of area: 3 other organisations offer LEGAL"),
                s("legal help in New York: local and other states' lines are out of area",
                        contact(CallType.REFERRAL_REQUEST, Set.of(), Set.of(Need.LEGAL), NEW_YORK, false),
                        TUE_10_EASTERN, List.of("NHTRC:LEGAL"),
                        "out of area: 4 other organisations offer LEGAL"),
                s("medical emergency on a Saturday: the national line as a fallback, 911 advised",
                        contact(CallType.REFERRAL_REQUEST, Set.of(Indicator.MEDICAL_EMERGENCY), Set.of(Need.MEDICAL),
                                NEW_YORK, false), SATURDAY, List.of("NHTRC:MEDICAL*"),
                        "emergency: advise the caller to dial 911 ([MEDICAL_EMERGENCY])"),
                s("a missing child on a weekday: DOJ (mandated reporting) and NCMEC",
                        contact(CallType.TIP, Set.of(Indicator.MINOR_INVOLVED), Set.of(Need.MISSING_CHILD), NEW_YORK,
                                false), TUE_10_EASTERN, List.of("DOJ:LAW_ENFORCEMENT", "NCMEC:MISSING_CHILD*")),
                s("domestic violence and sexual assault, not urgent: the two national hotlines",
                        contact(CallType.REFERRAL_REQUEST, Set.of(), Set.of(Need.DOMESTIC_VIOLENCE,
                                Need.SEXUAL_ASSAULT), NEW_YORK, false), SATURDAY,
                        List.of("NDVH:DOMESTIC_VIOLENCE", "RAINN:SEXUAL_ASSAULT")),
                s("a ZIP+4 postal code alone finds the local youth refuge for a minor",
                        contact(CallType.TIP, Set.of(Indicator.MINOR_INVOLVED), Set.of(Need.SHELTER),
                                new Location(null, null, null, "93905-1234", "US"), false), SATURDAY,
                        List.of("YOUTH_REFUGE:SHELTER", "COVENANT:SHELTER", "NHTRC:LAW_ENFORCEMENT*"),
                        "out of area: 1 other organisation offers LAW_ENFORCEMENT"),
                s("county and state match whatever their case",
                        contact(CallType.REFERRAL_REQUEST, Set.of(), Set.of(Need.CASE_MANAGEMENT),
                                new Location("Salinas", "monterey", "ca", null, "US"), false), SATURDAY,
                        List.of("CENTRAL_COAST:CASE_MANAGEMENT", "MONTEREY:CASE_MANAGEMENT")),
                s("urgent emergency shelter at 16:30 Pacific: the county office, then the state line",
                        contact(CallType.CRISIS, Set.of(), Set.of(Need.EMERGENCY_SHELTER), SALINAS, false),
                        TUE_1630_PACIFIC, List.of("MONTEREY:EMERGENCY_SHELTER", "CA_SHELTER:EMERGENCY_SHELTER")),
                s("Thanksgiving 10:00 Pacific: the county office keeps its closed date, the coalition lists none",
                        contact(CallType.CRISIS, Set.of(), Set.of(Need.CASE_MANAGEMENT), SALINAS, false),
                        THANKSGIVING_10_PACIFIC, List.of("CENTRAL_COAST:CASE_MANAGEMENT", "NHTRC:CASE_MANAGEMENT"),
                        "passed over: " + MONTEREY + " for CASE_MANAGEMENT (closed at decision time)"),
                s("urgent case management in Fresno: the county coalition is out of area, national fallback",
                        contact(CallType.CRISIS, Set.of(), Set.of(Need.CASE_MANAGEMENT), FRESNO, false),
                        TUE_10_PACIFIC, List.of("NHTRC:CASE_MANAGEMENT*"),
                        "out of area: 2 other organisations offer CASE_MANAGEMENT"),
                s("consent without anything calling for law enforcement: no law-enforcement target",
                        contact(CallType.REFERRAL_REQUEST, Set.of(), Set.of(Need.INFORMATION), NEW_YORK, true),
                        TUE_10_EASTERN, List.of("NHTRC:INFORMATION")),
                s("no needs and no law enforcement: no referrals",
                        contact(CallType.GENERAL_INFO, Set.of(), Set.of(), NEW_YORK, false), TUE_10_EASTERN,
                        List.of()),
                new Scenario("an empty read model: the 24-hour national lines, as fallbacks, and the decision says so",
                        contact(CallType.CRISIS, Set.of(Indicator.MINOR_INVOLVED), Set.of(Need.SHELTER), SALINAS,
                                false), TUE_10_PACIFIC, Directory.EMPTY,
                        List.of("COVENANT:SHELTER*", "NDVH:SHELTER*", "NHTRC:LAW_ENFORCEMENT*"),
                        List.of(TargetSelector.EMPTY_DIRECTORY,
                                "target: Covenant House NINEline for SHELTER (fallback: directory read model empty;"
                                        + " national, 24h; audience YOUTH: indicator MINOR_INVOLVED)",
                                LAST_RESORT_LAW_ENFORCEMENT)),
                new Scenario("an empty read model, not urgent: still only the national lines, marked fallback",
                        contact(CallType.REFERRAL_REQUEST, Set.of(), Set.of(Need.LEGAL, Need.SEXUAL_ASSAULT), HOUSTON,
                                false), SATURDAY, Directory.EMPTY, List.of("NHTRC:LEGAL*", "RAINN:SEXUAL_ASSAULT*"),
                        List.of(TargetSelector.EMPTY_DIRECTORY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void choosesTargetsAndExplainsEveryCandidate(Scenario scenario) {
        TestDirectory directory = TestDirectory.standard(scenario.directory() == Directory.DOJ_CLOSED_ON_THANKSGIVING);
        CandidateSource candidates = scenario.directory() == Directory.EMPTY
                ? DirectorySnapshot.of(List.of()) : directory.candidates();
        Assessment assessment = RULES.assess(scenario.contact());

        TargetSelection selection = selector.select(scenario.contact(), assessment, scenario.at(), candidates);

        List<String> chosen = selection.targets().stream()
                .map(t -> directory.aliasOf(t.organizationId()) + ":" + t.need() + (t.fallback() ? "*" : ""))
                .toList();
        assertThat(chosen).as(scenario.name()).containsExactlyElementsOf(scenario.expected());
        List<String> explained = new ArrayList<>(assessment.rules());
        explained.addAll(selection.rules());
        assertThat(explained).as(scenario.name()).containsAll(scenario.ruleFragments());
        // Every chosen target is explained, never emergency dispatch, never law enforcement without a basis.
        selection.targets().forEach(t -> {
            assertThat(selection.rules()).anyMatch(r -> r.startsWith("target: " + t.organization().name()
                    + " for " + t.need() + " (" + t.reason() + ")"));
            assertThat(t.organization().emergencyDispatch()).isFalse();
            if (t.lawEnforcement()) {
                assertThat(assessment.lawEnforcementReferral()).isTrue();
            }
        });
        assertThat(selection.targets().stream().filter(t -> t.need() != null)
                .collect(java.util.stream.Collectors.groupingBy(ReferralTarget::need,
                        java.util.stream.Collectors.counting())).values())
                .allMatch(count -> count <= TargetSelector.PER_NEED);
    }

    @Test
    void everyCandidateConsideredGetsOneLine() {
        TestDirectory directory = TestDirectory.standard(false);
        ContactFacts contact = contact(CallType.CRISIS, Set.of(), Set.of(Need.SHELTER), SALINAS, false);
        TargetSelection selection = selector.select(contact, RULES.assess(contact), SATURDAY, directory.candidates());

        long offering = directory.organizations().stream()
                .filter(o -> o.services().stream().anyMatch(s -> s.needs().contains(Need.SHELTER))).count();
        assertThat(selection.rules()).hasSize((int) offering);
    }

    @Test
    void anOrganisationWithUnreadableHoursIsPassedOverWithoutFailingTheDecision() {
        OrganizationUpserted broken = TestDirectory.organization("Broken Hours Shelter", false, Set.of(),
                java.time.LocalDate.of(2026, 11, 20), Set.of(Need.SHELTER),
                new OrganizationUpserted.Hours("Mars/Olympus_Mons", false, List.of(), Set.of()),
                new OrganizationUpserted.Area(false, Set.of("CA"), Set.of(), Set.of()));
        List<OrganizationUpserted> organizations = new ArrayList<>(TestDirectory.standard(false).organizations());
        organizations.add(broken);
        ContactFacts contact = contact(CallType.CRISIS, Set.of(), Set.of(Need.SHELTER), FRESNO, false);

        TargetSelection selection = selector.select(contact, RULES.assess(contact), SATURDAY,
                DirectorySnapshot.of(organizations));

        assertThat(selection.rules()).contains("passed over: Broken Hours Shelter for SHELTER (opening hours unreadable)");
        assertThat(selection.targets()).extracting(t -> t.organization().name())
                .containsExactly("California Statewide Shelter Network", "National Domestic Violence Hotline");
    }

    @Test
    void beyondTheExplainedCandidatesAServicePlacedLocallyButOpenOnlyNationallyDoesNotHideABetterStateTarget() {
        List<OrganizationUpserted> organizations = new ArrayList<>();
        Hours office = new Hours("America/Los_Angeles", false,
                List.of(new OrganizationUpserted.WeeklyHours(TestDirectory.WEEKDAYS, "09:00", "17:00")), Set.of());
        Area monterey = new Area(false, Set.of(), Set.of("CA:Monterey"), Set.of());
        for (int i = 0; i < TargetSelector.EXPLAINED_PER_NEED - 2; i++) {
            organizations.add(TestDirectory.organization(String.format("Closed Office %02d", i), false, Set.of(),
                    LocalDate.of(2026, 11, 1), Set.of(Need.SHELTER), office, monterey));
        }
        // Placed locally (their local office), but open at night only through their national line.
        organizations.add(twoServices("Two Lines A", office, monterey));
        organizations.add(twoServices("Two Lines B", office, monterey));
        organizations.add(TestDirectory.organization("California Night Shelter", false, Set.of(),
                LocalDate.of(2025, 1, 1), Set.of(Need.SHELTER), TestDirectory.always("America/Los_Angeles"),
                new Area(false, Set.of("CA"), Set.of(), Set.of())));
        ContactFacts contact = contact(CallType.CRISIS, Set.of(), Set.of(Need.SHELTER), SALINAS, false);

        TargetSelection selection = selector.select(contact, RULES.assess(contact), NIGHT,
                DirectorySnapshot.of(organizations));

        assertThat(selection.targets()).extracting(t -> t.organization().name() + ":" + t.level() + ":" + t.fallback())
                .containsExactly("California Night Shelter:STATE:false", "Two Lines A:NATIONAL:false");
        assertThat(selection.rules()).contains("passed over: Two Lines B for SHELTER (ranked below 2 better targets)",
                "passed over: Closed Office 00 for SHELTER (closed at decision time)");
    }

    @Test
    void theExplanationStaysBoundedAndCountsWhatItDoesNotList() {
        List<OrganizationUpserted> organizations = new ArrayList<>();
        Area monterey = new Area(false, Set.of(), Set.of("CA:Monterey"), Set.of());
        for (int i = 0; i < 30; i++) {
            organizations.add(TestDirectory.organization(String.format("Youth Shelter %02d", i), false,
                    Set.of(Audience.YOUTH), LocalDate.of(2026, 11, 1), Set.of(Need.SHELTER),
                    TestDirectory.always("America/Los_Angeles"), monterey));
        }
        for (int i = 0; i < 40; i++) {
            organizations.add(TestDirectory.organization(String.format("Shelter %02d", i), false, Set.of(),
                    LocalDate.of(2026, 10, 1), Set.of(Need.SHELTER), TestDirectory.always("America/Los_Angeles"),
                    monterey));
        }
        for (int i = 0; i < 5; i++) {
            organizations.add(TestDirectory.organization(String.format("Texas Shelter %02d", i), false, Set.of(),
                    LocalDate.of(2026, 10, 1), Set.of(Need.SHELTER), TestDirectory.always("America/Chicago"),
                    new Area(false, Set.of("TX"), Set.of(), Set.of())));
        }
        ContactFacts contact = contact(CallType.REFERRAL_REQUEST, Set.of(), Set.of(Need.SHELTER), SALINAS, false);

        TargetSelection selection = selector.select(contact, RULES.assess(contact), SATURDAY,
                DirectorySnapshot.of(organizations));

        // The youth lines are verified more recently, so they come first: 20 listed, the other 10 counted; the two
        // best adult shelters are chosen once certain, the 38 others are never looked at.
        assertThat(selection.targets()).extracting(t -> t.organization().name())
                .containsExactly("Shelter 00", "Shelter 01");
        assertThat(selection.rules()).filteredOn(r -> r.startsWith("passed over: Youth Shelter"))
                .hasSize(TargetSelector.EXPLAINED_PER_NEED);
        assertThat(selection.rules().subList(0, TargetSelector.EXPLAINED_PER_NEED))
                .allMatch(r -> r.startsWith("passed over: Youth Shelter"));
        assertThat(selection.rules()).contains("passed over: 10 more for SHELTER (audience YOUTH does not admit this contact: 10)",
                        "not examined: 38 more for SHELTER, placed below the chosen targets",
                        "out of area: 5 other organisations offer SHELTER",
                        "target: Shelter 00 for SHELTER (local, 24h)");
        assertThat(selection.rules()).hasSize(TargetSelector.EXPLAINED_PER_NEED + 5);
    }

    private static OrganizationUpserted twoServices(String name, Hours office, Area local) {
        UUID id = UUID.nameUUIDFromBytes(name.getBytes());
        return new OrganizationUpserted(id, name, false, false, Set.of(), Set.of("en"), LocalDate.of(2026, 11, 1),
                List.of(new OrganizationUpserted.Service(UUID.randomUUID(), name + " office", Set.of(Need.SHELTER),
                                "1-555-0100", office, local),
                        new OrganizationUpserted.Service(UUID.randomUUID(), name + " line", Set.of(Need.SHELTER),
                                "1-555-0101", TestDirectory.always("America/New_York"),
                                new Area(true, Set.of(), Set.of(), Set.of()))),
                1, Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void theSameInputsGiveTheSameSelection() {
        TestDirectory directory = TestDirectory.standard(false);
        ContactFacts contact = contact(CallType.CRISIS, Set.of(Indicator.MINOR_INVOLVED),
                Set.of(Need.SHELTER, Need.LEGAL), SALINAS, false);
        Assessment assessment = RULES.assess(contact);
        assertThat(selector.select(contact, assessment, TUE_10_PACIFIC, directory.candidates()))
                .isEqualTo(selector.select(contact, assessment, TUE_10_PACIFIC, directory.candidates()));
    }

    private static Scenario s(String name, ContactFacts contact, Instant at, List<String> expected,
            String... ruleFragments) {
        return new Scenario(name, contact, at, Directory.STANDARD, expected, List.of(ruleFragments));
    }

    static ContactFacts contact(CallType callType, Set<Indicator> indicators, Set<Need> needs, Location location,
            boolean consent) {
        return new ContactFacts("TIP-SCENARIO01", callType == CallType.TIP ? ContactKind.TIP : ContactKind.CALL,
                callType, callType == CallType.TIP ? Channel.WEB_FORM : Channel.PHONE, TUE_10_EASTERN, false,
                indicators, needs, location, consent, false);
    }
}
