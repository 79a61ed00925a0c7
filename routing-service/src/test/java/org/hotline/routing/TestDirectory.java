package org.hotline.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.events.OrganizationUpserted.Area;
import org.hotline.contracts.events.OrganizationUpserted.Hours;
import org.hotline.contracts.events.OrganizationUpserted.Service;
import org.hotline.contracts.events.OrganizationUpserted.WeeklyHours;
import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.Need;

/**
 * A fixed directory for scenario tests: the seed's key numbers (a copy of directory-service's
 * {@code seed/key-numbers.json}, real hours, audiences and areas) plus a few local organisations, each with a short alias.
 */
final class TestDirectory {

    static final Set<String> WEEKDAYS = Set.of("MON", "TUE", "WED", "THU", "FRI");
    static final LocalDate THANKSGIVING = LocalDate.of(2026, 11, 26);

    /** Alias → organisation, in a stable order. */
    final Map<String, OrganizationUpserted> byAlias = new LinkedHashMap<>();

    private TestDirectory() {
    }

    /** The seed plus the local organisations; {@code dojClosedOnThanksgiving} adds that closed date to the DOJ line. */
    static TestDirectory standard(boolean dojClosedOnThanksgiving) {
        TestDirectory directory = new TestDirectory();
        Map<String, String> seedAliases = Map.of(
                "5eed0000-0000-4000-8000-000000000911", "911",
                "5eed0000-0000-4000-8000-018883737888", "NHTRC",
                "5eed0000-0000-4000-8000-018884287581", "DOJ",
                "5eed0000-0000-4000-8000-018007997233", "NDVH",
                "5eed0000-0000-4000-8000-018006564673", "RAINN",
                "5eed0000-0000-4000-8000-018007862929", "RUNAWAY",
                "5eed0000-0000-4000-8000-018009999999", "COVENANT",
                "5eed0000-0000-4000-8000-018008435678", "NCMEC",
                "5eed0000-0000-4000-8000-00000000ccc5", "CENTRAL_COAST");
        for (OrganizationUpserted organization : seed()) {
            String alias = seedAliases.get(organization.id().toString());
            if (alias.equals("DOJ") && dojClosedOnThanksgiving) {
                organization = withClosedDate(organization, THANKSGIVING);
            }
            directory.byAlias.put(alias, organization);
        }
        // County-level, office hours on the Pacific wall clock, verified before the Central Coast coalition.
        directory.add("MONTEREY", organization("Monterey County Anti-Trafficking Services", false, Set.of(),
                LocalDate.of(2026, 10, 15), Set.of(Need.CASE_MANAGEMENT, Need.SHELTER, Need.EMERGENCY_SHELTER, Need.LEGAL),
                new Hours("America/Los_Angeles", false, List.of(new WeeklyHours(WEEKDAYS, "09:00", "17:00")),
                        Set.of(THANKSGIVING)),
                new Area(false, Set.of(), Set.of("CA:Monterey"), Set.of())));
        directory.add("CA_SHELTER", organization("California Statewide Shelter Network", false, Set.of(),
                LocalDate.of(2026, 9, 1), Set.of(Need.SHELTER, Need.EMERGENCY_SHELTER),
                always("America/Los_Angeles"), new Area(false, Set.of("CA"), Set.of(), Set.of())));
        directory.add("YOUTH_REFUGE", organization("Salinas Youth Refuge", false, Set.of(Audience.YOUTH),
                LocalDate.of(2026, 8, 1), Set.of(Need.RUNAWAY_HOMELESS_YOUTH, Need.SHELTER),
                always("America/Los_Angeles"), new Area(false, Set.of(), Set.of(), Set.of("93901", "93905"))));
        directory.add("TX_LEGAL", organization("Texas Gulf Coast Legal Aid", false, Set.of(),
                LocalDate.of(2026, 11, 10), Set.of(Need.LEGAL, Need.IMMIGRATION),
                always("America/Chicago"), new Area(false, Set.of("TX"), Set.of(), Set.of())));
        directory.add("CA_LE_LINE", organization("California Trafficking Task Force Intake", false,
                Set.of(Audience.LAW_ENFORCEMENT_ONLY), LocalDate.of(2026, 10, 1),
                Set.of(Need.LAW_ENFORCEMENT, Need.LEGAL), always("America/Los_Angeles"),
                new Area(false, Set.of("CA"), Set.of(), Set.of())));
        // A youth line that also takes calls from parents and other family members (Texas, around the clock).
        OrganizationUpserted familyLine = organization("Gulf Coast Youth and Family Line", false,
                Set.of(Audience.YOUTH, Audience.FAMILIES_OF_YOUTH), LocalDate.of(2026, 11, 1),
                Set.of(Need.MENTAL_HEALTH), always("America/Chicago"), new Area(false, Set.of("TX"), Set.of(),
                        Set.of()));
        // It answers in English and Spanish.
        directory.add("TX_FAMILY_YOUTH", new OrganizationUpserted(familyLine.id(), familyLine.name(), false, false,
                familyLine.audiences(), Set.of("en", "es"), familyLine.lastVerifiedOn(), familyLine.services(), 1,
                familyLine.updatedAt()));
        return directory;
    }

    CandidateSource candidates() {
        return DirectorySnapshot.of(byAlias.values());
    }

    /**
     * The seed's 24-hour national lines that take referrals (not 911, not law enforcement), as the configuration's
     * {@code hotline.routing.fallback-lines} lists them for an empty read model.
     */
    static CandidateSource fallbackLines() {
        return DirectorySnapshot.of(seed().stream()
                .filter(o -> !o.emergencyDispatch() && !o.lawEnforcement())
                .filter(o -> o.services().stream().allMatch(s -> s.area().national() && s.hours().open24h()))
                .toList());
    }

    String aliasOf(UUID organizationId) {
        return byAlias.entrySet().stream().filter(e -> e.getValue().id().equals(organizationId))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    List<OrganizationUpserted> organizations() {
        return new ArrayList<>(byAlias.values());
    }

    private void add(String alias, OrganizationUpserted organization) {
        byAlias.put(alias, organization);
    }

    static Hours always(String zone) {
        return new Hours(zone, true, List.of(), Set.of());
    }

    static OrganizationUpserted organization(String name, boolean lawEnforcement, Set<Audience> audiences,
            LocalDate verified, Set<Need> needs, Hours hours, Area area) {
        UUID id = UUID.nameUUIDFromBytes(name.getBytes());
        return new OrganizationUpserted(id, name, lawEnforcement, false, audiences, Set.of("en"), verified,
                List.of(new Service(UUID.nameUUIDFromBytes(("service " + name).getBytes()), name, needs,
                        "1-555-0100", hours, area)),
                1, Instant.parse("2026-11-01T00:00:00Z"));
    }

    private static OrganizationUpserted withClosedDate(OrganizationUpserted o, LocalDate date) {
        List<Service> services = o.services().stream().map(s -> new Service(s.id(), s.name(), s.needs(), s.phone(),
                new Hours(s.hours().timeZone(), s.hours().open24h(), s.hours().weekly(), Set.of(date)), s.area()))
                .toList();
        return new OrganizationUpserted(o.id(), o.name(), o.lawEnforcement(), o.emergencyDispatch(), o.audiences(),
                o.languages(), o.lastVerifiedOn(), services, o.version(), o.updatedAt());
    }

    /** The seed file, as the directory publishes it (its descriptions are not part of the event). */
    static List<OrganizationUpserted> seed() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try (InputStream in = TestDirectory.class.getResourceAsStream("/directory/key-numbers.json")) {
            List<OrganizationUpserted> read = mapper.readValue(in, new TypeReference<List<OrganizationUpserted>>() {
            });
            return read.stream().map(o -> new OrganizationUpserted(o.id(), o.name(), o.lawEnforcement(),
                    o.emergencyDispatch(), o.audiences(), o.languages(), o.lastVerifiedOn(), o.services(), 1,
                    Instant.parse("2026-11-01T00:00:00Z"))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
