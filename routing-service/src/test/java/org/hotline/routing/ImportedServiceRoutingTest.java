package org.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.hotline.contracts.EventCodec;
import org.hotline.contracts.EventType;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Need;
import org.junit.jupiter.api.Test;

/**
 * Routing over a service imported from a third-party HSDS dataset: the organisation event directory publishes when it
 * imports its 211 sample (no time zones, RRULE weekly hours; directory's {@code HsdsThirdPartyImportTest} holds the
 * import to this very event), beside the seed's key numbers. The shelter is chosen while it is open on Austin's wall
 * clock, its zone derived from the location's state and ZIP code, and passed over once it has closed.
 */
class ImportedServiceRoutingTest {

    // Wednesday 4 November 2026: Austin (America/Chicago) is UTC-6; the imported shelter is open MON-FRI 08:00-20:00.
    static final Instant WEDNESDAY_NOON_AUSTIN = Instant.parse("2026-11-04T18:00:00Z");
    static final Instant WEDNESDAY_2100_AUSTIN = Instant.parse("2026-11-05T03:00:00Z");
    static final Location AUSTIN = new Location("Austin", "Travis", "TX", "78701", "US");

    private static final RoutingRules RULES = ShippedRules.rules();

    private final TargetSelector selector = ShippedRules.selector();
    private final OrganizationUpserted imported = new EventCodec().decode(EventType.ORGANIZATION_UPSERTED,
            resource("/directory/hsds/211-shelter-network.event.json"), OrganizationUpserted.class);

    @Test
    void anUrgentShelterNeedInAustinGoesToTheImportedShelterWhileItIsOpen() {
        TargetSelection selection = decide(WEDNESDAY_NOON_AUSTIN);

        assertThat(selection.targets()).filteredOn(t -> t.need() == Need.EMERGENCY_SHELTER).first()
                .satisfies(t -> {
                    assertThat(t.organizationId()).isEqualTo(imported.id());
                    assertThat(t.service().phone()).as("the shelter's number").isEqualTo("512-555-0140");
                    assertThat(t.fallback()).isFalse();
                    assertThat(t.reason()).contains("open now");
                });
    }

    @Test
    void afterItsClosingTimeTheImportedShelterIsPassedOver() {
        TargetSelection selection = decide(WEDNESDAY_2100_AUSTIN);

        assertThat(selection.targets()).noneMatch(t -> t.organizationId().equals(imported.id()));
        assertThat(selection.rules()).contains("passed over: " + imported.name()
                + " for EMERGENCY_SHELTER (closed at decision time)");
        assertThat(selection.targets()).filteredOn(t -> t.need() == Need.EMERGENCY_SHELTER)
                .as("an urgent need still gets a number: a 24-hour line").isNotEmpty()
                .allMatch(ReferralTarget::fallback);
    }

    private TargetSelection decide(Instant at) {
        ContactFacts contact = TargetSelectorTest.contact(CallType.CRISIS, Set.of(), Set.of(Need.EMERGENCY_SHELTER),
                AUSTIN, false);
        List<OrganizationUpserted> directory = new ArrayList<>(TestDirectory.seed());
        directory.add(imported);
        return selector.select(contact, RULES.assess(contact), at, DirectorySnapshot.of(directory));
    }

    private static String resource(String name) {
        try (InputStream in = ImportedServiceRoutingTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
