package org.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.hotline.calendar.BusinessCalendar;
import org.hotline.calendar.Closure;
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
 * Whole decisions, table-driven from one data file, {@code scenarios/routing-scenarios.json}: a contact received at a
 * given instant goes through the shipped rules (urgency, handling, 911 advice, law enforcement and its basis, on the
 * shipped business calendar with the row's operator closures) and target selection (audiences, fallback chain) over
 * the fixed {@link TestDirectory}, exactly as {@code RoutingService} chains them. The rules and the selector come from
 * the service's own {@code application.properties} ({@link ShippedRules}), never hand-copied defaults.
 */
class RoutingScenarioTest {

    private static final String DATA = "scenarios/routing-scenarios.json";

    enum Directory { STANDARD, DOJ_CLOSED_ON_THANKSGIVING, EMPTY }

    private static final RoutingRules RULES = ShippedRules.rules();
    private static final BusinessCalendar CALENDAR = BusinessCalendar.hotlineDefault();

    private final TargetSelector selector = ShippedRules.selector();

    /** The data file: named instants and places, and the rows. */
    record ScenarioFile(String about, Map<String, Instant> instants, Map<String, Location> places,
            List<Row> scenarios) {
    }

    record Row(String name, ContactRow contact, Expected expect) {
    }

    /** A contact as intake logged it, with names for its instant and place. */
    record ContactRow(CallType callType, boolean requestedUrgent, Set<Indicator> indicators, Set<Need> needs,
            String place, boolean consent, String at, Directory directory, CallerType callerType, AgeBand ageBand,
            String language, List<ClosureRow> closures) {
    }

    record ClosureRow(LocalDateTime start, LocalDateTime end, String reason) {
    }

    /** What the decision must say. {@code lawEnforcementBasis} is null when law enforcement may not be told. */
    record Expected(Urgency urgency, Handling handling, boolean emergencyAdvised, ConsentBasis lawEnforcementBasis,
            boolean lawEnforcementReferral, List<String> targets, List<String> rules) {
    }

    /** One row, resolved: the facts routing decides on, the calendar of its instant, the directory. */
    record Scenario(String name, ContactFacts facts, Instant at, Directory directory, BusinessCalendar calendar,
            boolean consent, Expected expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() {
        ScenarioFile file = load();
        return file.scenarios().stream().map(row -> resolve(file, row));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void decidesAndExplains(Scenario scenario) {
        Expected expected = scenario.expected();
        TestDirectory directory = TestDirectory.standard(
                scenario.directory() == Directory.DOJ_CLOSED_ON_THANKSGIVING);
        CandidateSource candidates = scenario.directory() == Directory.EMPTY
                ? DirectorySnapshot.of(List.of()) : directory.candidates();

        Assessment assessment = RULES.assess(scenario.facts(), scenario.calendar());
        TargetSelection selection = selector.select(scenario.facts(), assessment, scenario.at(), candidates);

        assertThat(assessment.urgency()).as("urgency").isEqualTo(expected.urgency());
        assertThat(assessment.handling()).as("handling").isEqualTo(expected.handling());
        assertThat(assessment.emergencyAdvised()).as("emergencyAdvised").isEqualTo(expected.emergencyAdvised());
        assertThat(assessment.lawEnforcementBasis()).as("law-enforcement basis")
                .isEqualTo(expected.lawEnforcementBasis());
        assertThat(assessment.lawEnforcementReferral()).as("law-enforcement referral")
                .isEqualTo(expected.lawEnforcementReferral());
        assertThat(selection.targets().stream().map(t -> alias(directory, t) + ":" + t.need()
                + (t.fallback() ? "*" : ""))).as("targets").containsExactlyElementsOf(expected.targets());
        List<String> explained = new ArrayList<>(assessment.rules());
        explained.addAll(selection.rules());
        assertThat(explained).as("rules").containsAll(expected.rules());
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
            if (scenario.directory() == Directory.EMPTY) {
                assertThat(target.fallback()).as("every target of an empty read model is a fallback").isTrue();
            }
        }
        // Never an empty urgent answer.
        if (assessment.urgency() == Urgency.URGENT) {
            assertThat(selection.targets()).as("an urgent decision gives at least one number").isNotEmpty();
        }
    }

    @Test
    void theTableCoversEveryCallTypeIndicatorHandlingAndEachGroupOfThisRound() {
        List<Scenario> all = scenarios().toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(54);
        Set<CallType> callTypes = EnumSet.noneOf(CallType.class);
        Set<Indicator> indicators = EnumSet.noneOf(Indicator.class);
        Set<Handling> handlings = EnumSet.noneOf(Handling.class);
        all.forEach(s -> {
            callTypes.add(s.facts().callType());
            indicators.addAll(s.facts().indicators());
            handlings.add(s.expected().handling());
        });
        assertThat(callTypes).containsExactlyInAnyOrder(CallType.values());
        assertThat(indicators).containsExactlyInAnyOrder(Indicator.values());
        assertThat(handlings).containsExactlyInAnyOrder(Handling.values());
        assertThat(all).anyMatch(Scenario::consent).anyMatch(s -> !s.consent())
                .anyMatch(s -> s.directory() == Directory.EMPTY)
                .as("audience by caller type").anyMatch(s -> s.facts().callerType() != null)
                .as("audience by age band").anyMatch(s -> s.facts().ageBand() != null)
                .as("languages served").anyMatch(s -> s.facts().language() != null)
                .as("operator closures").anyMatch(s -> !s.calendar().closures().isEmpty())
                .as("the hotline's own line as the last resort").anyMatch(s -> s.expected().targets().stream()
                        .anyMatch(t -> t.startsWith("NHTRC:") && t.endsWith("*")));
    }

    private static Scenario resolve(ScenarioFile file, Row row) {
        ContactRow c = row.contact();
        Instant at = named(file.instants(), c.at(), row);
        Location location = c.place() == null ? null : named(file.places(), c.place(), row);
        boolean tip = c.callType() == CallType.TIP;
        ContactFacts facts = new ContactFacts("SCENARIO-0001", tip ? ContactKind.TIP : ContactKind.CALL,
                c.callType(), c.callerType(), c.ageBand(), tip ? Channel.WEB_FORM : Channel.PHONE, at,
                c.requestedUrgent(), orEmpty(c.indicators()), orEmpty(c.needs()), location, c.consent(), false,
                c.language());
        BusinessCalendar calendar = c.closures() == null ? CALENDAR : CALENDAR.withClosures(c.closures().stream()
                .map(r -> new Closure(r.start(), r.end(), r.reason())).toList());
        Expected e = row.expect();
        Expected expected = new Expected(e.urgency(), e.handling(), e.emergencyAdvised(), e.lawEnforcementBasis(),
                e.lawEnforcementReferral(), e.targets() == null ? List.of() : e.targets(),
                e.rules() == null ? List.of() : e.rules());
        return new Scenario(row.name(), facts, at, c.directory() == null ? Directory.STANDARD : c.directory(),
                calendar, c.consent(), expected);
    }

    private static <T> T named(Map<String, T> names, String name, Row row) {
        T value = names.get(name);
        if (value == null) {
            throw new IllegalArgumentException(DATA + ": row \"" + row.name() + "\" names " + name
                    + ", which the file does not define");
        }
        return value;
    }

    private static <E> Set<E> orEmpty(Set<E> values) {
        return values == null ? Set.of() : values;
    }

    private static ScenarioFile load() {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = RoutingScenarioTest.class.getClassLoader().getResourceAsStream(DATA)) {
            if (in == null) {
                throw new IllegalStateException(DATA + " is not on the test class path");
            }
            return json.readValue(in, ScenarioFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String alias(TestDirectory directory, ReferralTarget target) {
        return directory.byAlias.entrySet().stream().filter(e -> e.getValue().id().equals(target.organizationId()))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }
}
