package org.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.routing.TargetSelectorTest.FRESNO;
import static org.hotline.routing.TargetSelectorTest.FRI_1659_EASTERN;
import static org.hotline.routing.TargetSelectorTest.FRI_1700_EASTERN;
import static org.hotline.routing.TargetSelectorTest.HOUSTON;
import static org.hotline.routing.TargetSelectorTest.NEW_YORK;
import static org.hotline.routing.TargetSelectorTest.NIGHT;
import static org.hotline.routing.TargetSelectorTest.SALINAS;
import static org.hotline.routing.TargetSelectorTest.SATURDAY;
import static org.hotline.routing.TargetSelectorTest.THANKSGIVING_10_EASTERN;
import static org.hotline.routing.TargetSelectorTest.TUE_10_EASTERN;
import static org.hotline.routing.TargetSelectorTest.TUE_10_PACIFIC;
import static org.hotline.routing.TargetSelectorTest.TUE_1630_PACIFIC;
import static org.hotline.routing.TargetSelectorTest.TUE_1700_PACIFIC;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.hotline.calendar.BusinessCalendar;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.vocabulary.AgeBand;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.CallerType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ConsentBasis;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole decisions, table-driven: a contact received at a given instant goes through the rules (urgency, handling,
 * 911 advice, law enforcement and its basis) and target selection over the fixed {@link TestDirectory}, exactly as
 * {@code RoutingService} chains them. Every call type and indicator, consent or not, minors, out-of-area and youth-only
 * organisations, and the hours edges. Targets read {@code ALIAS:NEED}, {@code *} for a fallback.
 */
class RoutingScenarioTest {

    /** Tuesday 24 November 2026, the business window's last minute and its close (Eastern). */
    static final Instant TUE_1859_EASTERN = Instant.parse("2026-11-24T23:59:00Z");
    static final Instant TUE_1900_EASTERN = Instant.parse("2026-11-25T00:00:00Z");

    static final String NO_LE = "law enforcement: no referral, no consent and no minor or imminent danger";

    enum Directory { STANDARD, DOJ_CLOSED_ON_THANKSGIVING, EMPTY }

    /** The shipped {@code hotline.routing} rules (DESIGN §5), as {@code RulesProducer} builds them. */
    private static final RoutingRules RULES = ShippedRules.rules();

    private final TargetSelector selector = ShippedRules.selector();

    /** A contact as intake logged it; received at the decision instant, as a live contact is. */
    record Contact(CallType callType, boolean requestedUrgent, Set<Indicator> indicators, Set<Need> needs,
            Location location, boolean consent, Instant at, Directory directory, CallerType callerType,
            AgeBand ageBand) {

        Contact(CallType callType, boolean requestedUrgent, Set<Indicator> indicators, Set<Need> needs,
                Location location, boolean consent, Instant at, Directory directory) {
            this(callType, requestedUrgent, indicators, needs, location, consent, at, directory, null, null);
        }

        Contact from(CallerType caller) {
            return new Contact(callType, requestedUrgent, indicators, needs, location, consent, at, directory, caller,
                    ageBand);
        }

        Contact aged(AgeBand band) {
            return new Contact(callType, requestedUrgent, indicators, needs, location, consent, at, directory,
                    callerType, band);
        }

        ContactFacts facts() {
            boolean tip = callType == CallType.TIP;
            return new ContactFacts("SCENARIO-0001", tip ? ContactKind.TIP : ContactKind.CALL, callType, callerType,
                    ageBand, tip ? Channel.WEB_FORM : Channel.PHONE, at, requestedUrgent, indicators, needs, location,
                    consent, false);
        }
    }

    /** What the decision must say. {@code basis} is null when law enforcement may not be told. */
    record Expected(Urgency urgency, Handling handling, boolean emergencyAdvised, ConsentBasis basis,
            boolean lawEnforcementReferral, List<String> targets, List<String> ruleFragments) {
    }

    record Scenario(String name, Contact contact, Expected expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                // Call types.
                s("CRISIS: urgent at any hour, local offices open at 10:00 Pacific",
                        c(CallType.CRISIS, none(), needs(Need.SHELTER), SALINAS, false, TUE_10_PACIFIC),
                        urgent(false, null, false, "CENTRAL_COAST:SHELTER", "MONTEREY:SHELTER")
                                .with("urgency: call type CRISIS is urgent", NO_LE)),
                s("CRISIS at 03:00 Eastern: the state 24-hour line, then the national one (not a fallback)",
                        c(CallType.CRISIS, none(), needs(Need.SHELTER), SALINAS, false, NIGHT),
                        urgent(false, null, false, "CA_SHELTER:SHELTER", "NDVH:SHELTER")
                                .with("passed over: Monterey County Anti-Trafficking Services for SHELTER (closed at"
                                        + " decision time)")),
                s("TIP with consent, in hours: law enforcement told (consent), hours not required when not urgent",
                        c(CallType.TIP, none(), needs(Need.LABOR_RIGHTS), NEW_YORK, true, TUE_10_EASTERN),
                        notUrgent(Handling.IN_HOURS, ConsentBasis.REPORTER_CONSENT, true, "DOJ:LAW_ENFORCEMENT",
                                "NHTRC:LABOR_RIGHTS").with("law enforcement: the reporter consented")),
                s("TIP without consent, in hours: never law enforcement",
                        c(CallType.TIP, none(), needs(Need.LABOR_RIGHTS), NEW_YORK, false, TUE_10_EASTERN),
                        notUrgent(Handling.IN_HOURS, null, false, "NHTRC:LABOR_RIGHTS").with(NO_LE)),
                s("TIP on a Saturday: a message taken",
                        c(CallType.TIP, none(), needs(Need.LABOR_RIGHTS), NEW_YORK, false, SATURDAY),
                        notUrgent(Handling.MESSAGE_TAKEN, null, false, "NHTRC:LABOR_RIGHTS")
                                .with("handling: non-urgent, received outside the business window: message taken")),
                s("TRAINING_TA marked urgent by the caller, 10:00 Pacific: the local coalition is open",
                        cu(CallType.TRAINING_TA, needs(Need.TRAINING), SALINAS, TUE_10_PACIFIC),
                        urgent(false, null, false, "CENTRAL_COAST:TRAINING", "NHTRC:TRAINING")
                                .with("urgency: the caller marked this TRAINING_TA urgent")),
                s("TRAINING_TA marked urgent on a Saturday: the coalition is closed, national fallback",
                        cu(CallType.TRAINING_TA, needs(Need.TRAINING), SALINAS, SATURDAY),
                        urgent(false, null, false, "NHTRC:TRAINING*")),
                s("TRAINING_TA not marked urgent, Saturday: a message taken, office hours do not matter",
                        c(CallType.TRAINING_TA, none(), needs(Need.TRAINING), SALINAS, false, SATURDAY),
                        notUrgent(Handling.MESSAGE_TAKEN, null, false, "CENTRAL_COAST:TRAINING", "NHTRC:TRAINING")),
                s("REFERRAL_REQUEST marked urgent at 03:00 Eastern in Houston: the Texas 24-hour line first",
                        cu(CallType.REFERRAL_REQUEST, needs(Need.LEGAL), HOUSTON, NIGHT),
                        urgent(false, null, false, "TX_LEGAL:LEGAL", "NHTRC:LEGAL")
                                .with("urgency: the caller marked this REFERRAL_REQUEST urgent")),
                s("GENERAL_INFO marked urgent by the caller: a caller cannot make general information urgent",
                        cu(CallType.GENERAL_INFO, needs(Need.INFORMATION), null, TUE_10_EASTERN),
                        notUrgent(Handling.IN_HOURS, null, false, "NHTRC:INFORMATION")
                                .with("urgency: no urgent call type, indicator or request")),
                s("RELATED after the window (Tuesday 19:00 Eastern): a message taken",
                        c(CallType.RELATED, none(), needs(Need.INFORMATION), null, false, TUE_1900_EASTERN),
                        notUrgent(Handling.MESSAGE_TAKEN, null, false, "NHTRC:INFORMATION")),
                s("RELATED at 18:59 Eastern, the window's last minute: handled in hours",
                        c(CallType.RELATED, none(), needs(Need.DOMESTIC_VIOLENCE), NEW_YORK, false, TUE_1859_EASTERN),
                        notUrgent(Handling.IN_HOURS, null, false, "NDVH:DOMESTIC_VIOLENCE")
                                .with("handling: non-urgent, received inside the business window")),
                // Indicators.
                s("IMMINENT_DANGER without consent: urgent, 911 advised, law enforcement told (danger), DOJ open",
                        c(CallType.TIP, set(Indicator.IMMINENT_DANGER), none(Need.class), NEW_YORK, false,
                                TUE_10_EASTERN),
                        urgent(true, ConsentBasis.IMMINENT_DANGER, true, "DOJ:LAW_ENFORCEMENT")
                                .with("law enforcement: referral made without consent, someone is in imminent danger",
                                        "emergency: advise the caller to dial 911 ([IMMINENT_DANGER])")),
                s("IMMINENT_DANGER with consent: the basis is the reporter's consent",
                        c(CallType.TIP, set(Indicator.IMMINENT_DANGER), none(Need.class), NEW_YORK, true,
                                TUE_10_EASTERN),
                        urgent(true, ConsentBasis.REPORTER_CONSENT, true, "DOJ:LAW_ENFORCEMENT")),
                s("MINOR_INVOLVED without consent: mandated reporting, NCMEC as the 24-hour fallback",
                        c(CallType.TIP, set(Indicator.MINOR_INVOLVED), needs(Need.MISSING_CHILD), NEW_YORK, false,
                                TUE_10_EASTERN),
                        urgent(false, ConsentBasis.MINOR_INVOLVED, true, "DOJ:LAW_ENFORCEMENT",
                                "NCMEC:MISSING_CHILD*").with("law enforcement: referral made without consent, a minor"
                                + " is involved (mandated reporting)")),
                s("MINOR_INVOLVED and IMMINENT_DANGER without consent: the minor is the basis, 911 advised",
                        c(CallType.CRISIS, set(Indicator.MINOR_INVOLVED, Indicator.IMMINENT_DANGER),
                                none(Need.class), FRESNO, false, TUE_10_PACIFIC),
                        urgent(true, ConsentBasis.MINOR_INVOLVED, true, "CA_LE_LINE:LAW_ENFORCEMENT",
                                "DOJ:LAW_ENFORCEMENT")),
                s("MEDICAL_EMERGENCY on a Saturday: urgent, 911 advised, no law enforcement, national fallback",
                        c(CallType.REFERRAL_REQUEST, set(Indicator.MEDICAL_EMERGENCY), needs(Need.MEDICAL), NEW_YORK,
                                false, SATURDAY),
                        urgent(true, null, false, "NHTRC:MEDICAL*")
                                .with("emergency: advise the caller to dial 911 ([MEDICAL_EMERGENCY])", NO_LE)),
                s("NEEDS_WITHIN_24H on a Saturday: urgent, local offices closed, the state 24-hour line leads",
                        c(CallType.GENERAL_INFO, set(Indicator.NEEDS_WITHIN_24H), needs(Need.SHELTER), SALINAS, false,
                                SATURDAY),
                        urgent(false, null, false, "CA_SHELTER:SHELTER", "NDVH:SHELTER")
                                .with("urgency: urgent indicators [NEEDS_WITHIN_24H]")),
                s("VICTIM_IN_SITUATION and WEAPONS_OR_THREATS without consent: not urgent, law enforcement never told",
                        c(CallType.TIP, set(Indicator.VICTIM_IN_SITUATION, Indicator.WEAPONS_OR_THREATS),
                                needs(Need.LAW_ENFORCEMENT), NEW_YORK, false, TUE_10_EASTERN),
                        notUrgent(Handling.IN_HOURS, null, false).with(NO_LE,
                                "passed over: " + TargetSelectorTest.DOJ + " for LAW_ENFORCEMENT (law enforcement, and"
                                        + " no consent, minor or imminent danger allows a referral)")),
                s("VICTIM_IN_SITUATION and WEAPONS_OR_THREATS with consent: law enforcement told",
                        c(CallType.TIP, set(Indicator.VICTIM_IN_SITUATION, Indicator.WEAPONS_OR_THREATS),
                                needs(Need.LAW_ENFORCEMENT), NEW_YORK, true, TUE_10_EASTERN),
                        notUrgent(Handling.IN_HOURS, ConsentBasis.REPORTER_CONSENT, true, "DOJ:LAW_ENFORCEMENT")),
                // Consent.
                s("consent on a referral request with nothing calling for law enforcement: no law-enforcement target",
                        c(CallType.REFERRAL_REQUEST, none(), needs(Need.INFORMATION), NEW_YORK, true, TUE_10_EASTERN),
                        notUrgent(Handling.IN_HOURS, ConsentBasis.REPORTER_CONSENT, false, "NHTRC:INFORMATION")
                                .with("law enforcement: the reporter consented, but nothing calls for a referral")),
                s("consent on a referral request asking for law enforcement: the DOJ line",
                        c(CallType.REFERRAL_REQUEST, none(), needs(Need.LAW_ENFORCEMENT), NEW_YORK, true,
                                TUE_10_EASTERN),
                        notUrgent(Handling.IN_HOURS, ConsentBasis.REPORTER_CONSENT, true, "DOJ:LAW_ENFORCEMENT")),
                // Areas and audiences.
                s("out of area: the Monterey organisations do not serve Fresno, national fallback",
                        c(CallType.CRISIS, none(), needs(Need.CASE_MANAGEMENT), FRESNO, false, TUE_10_PACIFIC),
                        urgent(false, null, false, "NHTRC:CASE_MANAGEMENT*")
                                .with("out of area: 2 other organisations offer CASE_MANAGEMENT")),
                s("a youth need without the minor box: the need is about a young person, the youth lines admit it",
                        c(CallType.REFERRAL_REQUEST, none(), needs(Need.RUNAWAY_HOMELESS_YOUTH), NEW_YORK, false,
                                TUE_10_EASTERN),
                        notUrgent(Handling.IN_HOURS, null, false, "COVENANT:RUNAWAY_HOMELESS_YOUTH",
                                "RUNAWAY:RUNAWAY_HOMELESS_YOUTH").with("target: Covenant House NINEline for"
                                + " RUNAWAY_HOMELESS_YOUTH (national, 24h; audience YOUTH: need RUNAWAY_HOMELESS_YOUTH)")),
                s("an urgent youth need at night without the minor box: the 24-hour youth lines, never nothing",
                        cu(CallType.REFERRAL_REQUEST, needs(Need.RUNAWAY_HOMELESS_YOUTH), NEW_YORK, NIGHT),
                        urgent(false, null, false, "COVENANT:RUNAWAY_HOMELESS_YOUTH*",
                                "RUNAWAY:RUNAWAY_HOMELESS_YOUTH*")),
                s("a youth need, but the agent recorded the person as an adult: the youth lines refuse, said so",
                        c(CallType.REFERRAL_REQUEST, none(), needs(Need.RUNAWAY_HOMELESS_YOUTH), NEW_YORK, false,
                                TUE_10_EASTERN).aged(AgeBand.ADULT),
                        notUrgent(Handling.IN_HOURS, null, false).with("passed over: Covenant House NINEline for"
                                + " RUNAWAY_HOMELESS_YOUTH (audience YOUTH does not admit age band ADULT)",
                                "no target for RUNAWAY_HOMELESS_YOUTH: no service covers it here")),
                s("the same adult, urgent: no youth line admits them, the hotline's own line is the last resort",
                        cu(CallType.REFERRAL_REQUEST, needs(Need.RUNAWAY_HOMELESS_YOUTH), NEW_YORK, NIGHT)
                                .aged(AgeBand.ADULT),
                        urgent(false, null, false, "NHTRC:RUNAWAY_HOMELESS_YOUTH*").with("target: National Human"
                                + " Trafficking Resource Center (NHTRC) for RUNAWAY_HOMELESS_YOUTH (fallback: no open"
                                + " line for RUNAWAY_HOMELESS_YOUTH admits the contact; the hotline's 24-hour line"
                                + " connects the caller to a specialist)")),
                s("urgent shelter at night for a 12-17 year old without the minor box: the age band admits the refuge",
                        cu(CallType.REFERRAL_REQUEST, needs(Need.SHELTER), SALINAS, NIGHT).aged(AgeBand.AGE_12_17),
                        urgent(false, null, false, "YOUTH_REFUGE:SHELTER", "CA_SHELTER:SHELTER")
                                .with("target: Salinas Youth Refuge for SHELTER (local, 24h; audience YOUTH: age band"
                                        + " 12_17)")),
                s("a parent asks for mental-health help for their child: the youth line that takes families admits them",
                        c(CallType.REFERRAL_REQUEST, none(), needs(Need.MENTAL_HEALTH), HOUSTON, false, TUE_10_EASTERN)
                                .from(CallerType.FAMILY_MEMBER),
                        notUrgent(Handling.IN_HOURS, null, false, "TX_FAMILY_YOUTH:MENTAL_HEALTH", "NHTRC:MENTAL_HEALTH")
                                .with("target: Gulf Coast Youth and Family Line for MENTAL_HEALTH (state, 24h; audience"
                                        + " FAMILIES_OF_YOUTH: caller type FAMILY_MEMBER)")),
                s("the same request from a community member: the youth and family line does not admit it",
                        c(CallType.REFERRAL_REQUEST, none(), needs(Need.MENTAL_HEALTH), HOUSTON, false, TUE_10_EASTERN)
                                .from(CallerType.COMMUNITY_MEMBER),
                        notUrgent(Handling.IN_HOURS, null, false, "NHTRC:MENTAL_HEALTH", "RAINN:MENTAL_HEALTH")
                                .with("passed over: Gulf Coast"
                                + " Youth and Family Line for MENTAL_HEALTH (audience YOUTH does not admit this contact;"
                                + " audience FAMILIES_OF_YOUTH does not admit this contact)")),
                s("a medical emergency with no need named and no consent: 911 advised, and still a number to call",
                        c(CallType.CRISIS, set(Indicator.MEDICAL_EMERGENCY), none(Need.class), NEW_YORK, false, NIGHT),
                        urgent(true, null, false, "NHTRC:CASE_MANAGEMENT*").with("target: National Human Trafficking"
                                + " Resource Center (NHTRC) for CASE_MANAGEMENT (fallback: urgent, and no need names a"
                                + " service; the hotline's 24-hour line connects the caller to a specialist)")),
                s("youth-only lines admit a minor: the local refuge first, the state law-enforcement-only line too",
                        c(CallType.TIP, set(Indicator.MINOR_INVOLVED), needs(Need.RUNAWAY_HOMELESS_YOUTH), SALINAS,
                                false, TUE_10_EASTERN),
                        urgent(false, ConsentBasis.MINOR_INVOLVED, true, "CA_LE_LINE:LAW_ENFORCEMENT",
                                "DOJ:LAW_ENFORCEMENT", "YOUTH_REFUGE:RUNAWAY_HOMELESS_YOUTH",
                                "COVENANT:RUNAWAY_HOMELESS_YOUTH")),
                s("a law-enforcement-only line is no target for legal help without a law-enforcement referral",
                        c(CallType.REFERRAL_REQUEST, none(), needs(Need.LEGAL), SALINAS, false, TUE_10_PACIFIC),
                        notUrgent(Handling.IN_HOURS, null, false, "CENTRAL_COAST:LEGAL", "MONTEREY:LEGAL")
                                .with("passed over: California Trafficking Task Force Intake for LEGAL (audience"
                                        + " LAW_ENFORCEMENT_ONLY does not admit this contact)")),
                // Hours edges.
                s("the DOJ line at Friday 16:59 Eastern: open",
                        c(CallType.CRISIS, none(), needs(Need.LAW_ENFORCEMENT), NEW_YORK, true, FRI_1659_EASTERN),
                        urgent(false, ConsentBasis.REPORTER_CONSENT, true, "DOJ:LAW_ENFORCEMENT")),
                s("the DOJ line at Friday 17:00 Eastern: closed, no 24-hour line takes law enforcement, the last resort",
                        c(CallType.CRISIS, none(), needs(Need.LAW_ENFORCEMENT), NEW_YORK, true, FRI_1700_EASTERN),
                        urgent(false, ConsentBasis.REPORTER_CONSENT, true, "NHTRC:LAW_ENFORCEMENT*").with(
                                "passed over: " + TargetSelectorTest.DOJ + " for LAW_ENFORCEMENT (closed at decision"
                                        + " time)", TargetSelectorTest.LAST_RESORT_LAW_ENFORCEMENT)),
                s("a minor in Fresno at Friday 17:00 Eastern: DOJ closed, the state 24-hour line takes it",
                        c(CallType.TIP, set(Indicator.MINOR_INVOLVED), none(Need.class), FRESNO, false,
                                FRI_1700_EASTERN),
                        urgent(false, ConsentBasis.MINOR_INVOLVED, true, "CA_LE_LINE:LAW_ENFORCEMENT")),
                s("a minor in New York on a weekend: the DOJ line is closed, the hotline's own line is the last resort",
                        c(CallType.TIP, set(Indicator.MINOR_INVOLVED), none(Need.class), NEW_YORK, false, SATURDAY),
                        urgent(false, ConsentBasis.MINOR_INVOLVED, true, "NHTRC:LAW_ENFORCEMENT*")
                                .with(TargetSelectorTest.LAST_RESORT_LAW_ENFORCEMENT)),
                s("a federal holiday (Thanksgiving), not urgent: the hotline's window is closed, a message taken",
                        c(CallType.GENERAL_INFO, none(), needs(Need.INFORMATION), NEW_YORK, false,
                                THANKSGIVING_10_EASTERN),
                        notUrgent(Handling.MESSAGE_TAKEN, null, false, "NHTRC:INFORMATION")),
                s("a federal holiday, urgent: the DOJ line's data lists no closed date, its weekly hours say open",
                        c(CallType.CRISIS, none(), needs(Need.LAW_ENFORCEMENT), NEW_YORK, true,
                                THANKSGIVING_10_EASTERN),
                        urgent(false, ConsentBasis.REPORTER_CONSENT, true, "DOJ:LAW_ENFORCEMENT")),
                s("a federal holiday, urgent, with Thanksgiving among the DOJ line's closed dates: closed",
                        new Contact(CallType.CRISIS, false, none(), needs(Need.LAW_ENFORCEMENT), NEW_YORK, true,
                                THANKSGIVING_10_EASTERN, Directory.DOJ_CLOSED_ON_THANKSGIVING),
                        urgent(false, ConsentBasis.REPORTER_CONSENT, true, "NHTRC:LAW_ENFORCEMENT*")
                                .with(TargetSelectorTest.LAST_RESORT_LAW_ENFORCEMENT)),
                s("a local line in another time zone: open at 16:30 Los Angeles although 19:30 Eastern",
                        c(CallType.CRISIS, none(), needs(Need.CASE_MANAGEMENT), SALINAS, false, TUE_1630_PACIFIC),
                        urgent(false, null, false, "CENTRAL_COAST:CASE_MANAGEMENT", "MONTEREY:CASE_MANAGEMENT")
                                .with("target: Monterey County Anti-Trafficking Services for CASE_MANAGEMENT (local,"
                                        + " open now)")),
                s("the same local line at 17:00 Los Angeles: closed, national fallback",
                        c(CallType.CRISIS, none(), needs(Need.CASE_MANAGEMENT), SALINAS, false, TUE_1700_PACIFIC),
                        urgent(false, null, false, "NHTRC:CASE_MANAGEMENT*")),
                s("the same at 17:00 Los Angeles, not urgent: a message taken, the local lines still referred",
                        c(CallType.REFERRAL_REQUEST, none(), needs(Need.CASE_MANAGEMENT), SALINAS, false,
                                TUE_1700_PACIFIC),
                        notUrgent(Handling.MESSAGE_TAKEN, null, false, "CENTRAL_COAST:CASE_MANAGEMENT",
                                "MONTEREY:CASE_MANAGEMENT")),
                // An empty read model.
                s("an empty read model: the 24-hour national lines as fallbacks, and the decision says so",
                        new Contact(CallType.CRISIS, false, none(), needs(Need.SHELTER), SALINAS, false,
                                TUE_10_PACIFIC, Directory.EMPTY),
                        urgent(false, null, false, "NDVH:SHELTER*", "NHTRC:SHELTER*").with(
                                TargetSelector.EMPTY_DIRECTORY,
                                "target: National Domestic Violence Hotline for SHELTER (fallback: directory read model"
                                        + " empty; national, 24h)",
                                "passed over: Covenant House NINEline for SHELTER (audience YOUTH does not admit this contact)")),
                s("an empty read model and a consented tip: no fallback line takes law enforcement, said so",
                        new Contact(CallType.TIP, false, none(), needs(Need.LABOR_RIGHTS), NEW_YORK, true,
                                TUE_10_EASTERN, Directory.EMPTY),
                        notUrgent(Handling.IN_HOURS, ConsentBasis.REPORTER_CONSENT, true, "NHTRC:LABOR_RIGHTS*")
                                .with(TargetSelector.EMPTY_DIRECTORY, "no target for LAW_ENFORCEMENT: no service"
                                        + " covers it here")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void decidesAndExplains(Scenario scenario) {
        Contact contact = scenario.contact();
        Expected expected = scenario.expected();
        TestDirectory directory = TestDirectory.standard(contact.directory() == Directory.DOJ_CLOSED_ON_THANKSGIVING);
        CandidateSource candidates = contact.directory() == Directory.EMPTY
                ? DirectorySnapshot.of(List.of()) : directory.candidates();

        Assessment assessment = RULES.assess(contact.facts());
        TargetSelection selection = selector.select(contact.facts(), assessment, contact.at(), candidates);

        assertThat(assessment.urgency()).as("urgency").isEqualTo(expected.urgency());
        assertThat(assessment.handling()).as("handling").isEqualTo(expected.handling());
        assertThat(assessment.emergencyAdvised()).as("emergencyAdvised").isEqualTo(expected.emergencyAdvised());
        assertThat(assessment.lawEnforcementBasis()).as("law-enforcement basis").isEqualTo(expected.basis());
        assertThat(assessment.lawEnforcementReferral()).as("law-enforcement referral")
                .isEqualTo(expected.lawEnforcementReferral());
        assertThat(selection.targets().stream().map(t -> alias(directory, t) + ":" + t.need()
                + (t.fallback() ? "*" : ""))).as("targets").containsExactlyElementsOf(expected.targets());
        List<String> explained = new ArrayList<>(assessment.rules());
        explained.addAll(selection.rules());
        assertThat(explained).as("rules").containsAll(expected.ruleFragments());
        // Every decision says why about urgency, handling and law enforcement, and explains each target.
        assertThat(assessment.rules()).anyMatch(r -> r.startsWith("urgency: "))
                .anyMatch(r -> r.startsWith("handling: ")).anyMatch(r -> r.startsWith("law enforcement: "));
        for (ReferralTarget target : selection.targets()) {
            assertThat(selection.rules()).contains("target: " + target.organization().name() + " for "
                    + target.need() + " (" + target.reason() + ")");
            assertThat(target.organization().emergencyDispatch()).isFalse();
            if (target.lawEnforcement()) {
                assertThat(assessment.lawEnforcementReferral()).as("law enforcement only with a basis").isTrue();
            }
            if (contact.directory() == Directory.EMPTY) {
                assertThat(target.fallback()).as("every target of an empty read model is a fallback").isTrue();
            }
        }
    }

    @Test
    void atLeastThirtyScenariosCoverEveryCallTypeAndIndicator() {
        List<Scenario> all = scenarios().toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        Set<CallType> callTypes = EnumSet.noneOf(CallType.class);
        Set<Indicator> indicators = EnumSet.noneOf(Indicator.class);
        Set<Handling> handlings = EnumSet.noneOf(Handling.class);
        all.forEach(s -> {
            callTypes.add(s.contact().callType());
            indicators.addAll(s.contact().indicators());
            handlings.add(s.expected().handling());
        });
        assertThat(callTypes).containsExactlyInAnyOrder(CallType.values());
        assertThat(indicators).containsExactlyInAnyOrder(Indicator.values());
        assertThat(handlings).containsExactlyInAnyOrder(Handling.values());
        assertThat(all).anyMatch(s -> s.contact().consent()).anyMatch(s -> !s.contact().consent())
                .anyMatch(s -> s.contact().directory() == Directory.EMPTY);
    }

    private static String alias(TestDirectory directory, ReferralTarget target) {
        return directory.byAlias.entrySet().stream().filter(e -> e.getValue().id().equals(target.organizationId()))
                .map(java.util.Map.Entry::getKey).findFirst().orElseThrow();
    }

    private static Scenario s(String name, Contact contact, Expected expected) {
        return new Scenario(name, contact, expected);
    }

    private static Contact c(CallType callType, Set<Indicator> indicators, Set<Need> needs, Location location,
            boolean consent, Instant at) {
        return new Contact(callType, false, indicators, needs, location, consent, at, Directory.STANDARD);
    }

    /** A call the caller marked urgent, without indicators or consent. */
    private static Contact cu(CallType callType, Set<Need> needs, Location location, Instant at) {
        return new Contact(callType, true, none(), needs, location, false, at, Directory.STANDARD);
    }

    private static ExpectedBuilder urgent(boolean emergency, ConsentBasis basis, boolean lawEnforcement,
            String... targets) {
        return new ExpectedBuilder(Urgency.URGENT, Handling.IMMEDIATE, emergency, basis, lawEnforcement, targets);
    }

    private static ExpectedBuilder notUrgent(Handling handling, ConsentBasis basis, boolean lawEnforcement,
            String... targets) {
        return new ExpectedBuilder(Urgency.NON_URGENT, handling, false, basis, lawEnforcement, targets);
    }

    /** An {@link Expected} with no rule fragments yet; {@link #with} adds them. */
    private static final class ExpectedBuilder {
        private final Expected base;

        ExpectedBuilder(Urgency urgency, Handling handling, boolean emergency, ConsentBasis basis,
                boolean lawEnforcement, String... targets) {
            base = new Expected(urgency, handling, emergency, basis, lawEnforcement, List.of(targets), List.of());
        }

        Expected with(String... fragments) {
            return new Expected(base.urgency(), base.handling(), base.emergencyAdvised(), base.basis(),
                    base.lawEnforcementReferral(), base.targets(), List.of(fragments));
        }
    }

    private static Scenario s(String name, Contact contact, ExpectedBuilder expected) {
        return new Scenario(name, contact, expected.with());
    }

    private static Set<Need> needs(Need... needs) {
        return Set.of(needs);
    }

    private static Set<Indicator> set(Indicator... indicators) {
        return Set.of(indicators);
    }

    private static Set<Indicator> none() {
        return Set.of();
    }

    private static <E> Set<E> none(Class<E> type) {
        return Set.of();
    }
}
