package org.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hotline.contracts.events.Location;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.events.OrganizationUpserted.Area;
import org.hotline.contracts.vocabulary.Need;
import org.junit.jupiter.api.Test;

/** The in-memory index: look-ups by need and place, copy-on-write changes, and readers racing a writer. */
class DirectorySnapshotTest {

    static final Place MONTEREY = Place.of(new Location("Salinas", "Monterey", "CA", "93901", "US"));
    static final Place FRESNO = Place.of(new Location("Fresno", "Fresno", "CA", "93721", "US"));
    static final Place HOUSTON = Place.of(new Location("Houston", "Harris", "TX", "77002", "US"));

    private final Canonical canonical = new Canonical();

    @Test
    void findsAnOrganisationByEachLevelOfItsAreaOnly() {
        ListedOrganization county = listed("Monterey Legal", Set.of(Need.LEGAL), area(Set.of(), Set.of("CA:Monterey")));
        ListedOrganization postal = listed("Salinas Legal", Set.of(Need.LEGAL),
                new Area(false, Set.of(), Set.of(), Set.of("93901-0001")));
        ListedOrganization state = listed("California Legal", Set.of(Need.LEGAL), area(Set.of("ca"), Set.of()));
        ListedOrganization national = listed("National Legal", Set.of(Need.LEGAL),
                new Area(true, Set.of(), Set.of(), Set.of()));
        ListedOrganization shelter = listed("Monterey Shelter", Set.of(Need.SHELTER),
                area(Set.of(), Set.of("CA : Monterey")));

        DirectorySnapshot snapshot = DirectorySnapshot.empty().with(List.of(),
                List.of(county, postal, state, national, shelter));

        assertThat(snapshot.size()).isEqualTo(5);
        assertThat(snapshot.offering(Need.LEGAL)).isEqualTo(4);
        assertThat(snapshot.offering(Need.MEDICAL)).isZero();
        assertThat(names(snapshot.covering(Need.LEGAL, MONTEREY)))
                .containsExactly("Monterey Legal", "Salinas Legal", "California Legal", "National Legal");
        assertThat(names(snapshot.covering(Need.LEGAL, FRESNO))).containsExactly("California Legal", "National Legal");
        assertThat(names(snapshot.covering(Need.LEGAL, HOUSTON))).containsExactly("National Legal");
        assertThat(names(snapshot.covering(Need.LEGAL, Place.NOWHERE))).containsExactly("National Legal");
        assertThat(names(snapshot.covering(Need.SHELTER, MONTEREY))).containsExactly("Monterey Shelter");
    }

    @Test
    void ranksWithinALevelByVerificationThenNameAndListsEachOrganisationOnceAtItsMostLocalLevel() {
        ListedOrganization older = listed("A Older", LocalDate.of(2025, 1, 1), Set.of(Need.LEGAL),
                area(Set.of(), Set.of("CA:Monterey")));
        ListedOrganization newer = listed("Z Newer", LocalDate.of(2026, 10, 1), Set.of(Need.LEGAL),
                new Area(false, Set.of(), Set.of(), Set.of("93901")));
        // County and state in one service: local here, state-level in Fresno.
        ListedOrganization both = listed("M Both", LocalDate.of(2026, 1, 1), Set.of(Need.LEGAL),
                area(Set.of("CA"), Set.of("CA:Monterey")));
        DirectorySnapshot snapshot = DirectorySnapshot.empty().with(List.of(), List.of(older, newer, both));

        assertThat(names(snapshot.covering(Need.LEGAL, MONTEREY))).containsExactly("Z Newer", "M Both", "A Older");
        assertThat(names(snapshot.covering(Need.LEGAL, FRESNO))).containsExactly("M Both");
    }

    @Test
    void anUpsertMovesTheOrganisationAndADeletionRemovesItWithoutTouchingTheEarlierSnapshot() {
        UUID id = UUID.randomUUID();
        ListedOrganization inMonterey = listed(id, "Coalition", Set.of(Need.LEGAL, Need.SHELTER),
                area(Set.of(), Set.of("CA:Monterey")));
        ListedOrganization other = listed("Other", Set.of(Need.SHELTER), area(Set.of(), Set.of("CA:Monterey")));
        DirectorySnapshot first = DirectorySnapshot.empty().with(List.of(), List.of(inMonterey, other));

        // The same organisation now works in Fresno and no longer offers shelter.
        ListedOrganization inFresno = listed(id, "Coalition", Set.of(Need.LEGAL), area(Set.of(), Set.of("CA:Fresno")));
        DirectorySnapshot second = first.with(List.of(inMonterey), List.of(inFresno));

        assertThat(second.size()).isEqualTo(2);
        assertThat(names(second.covering(Need.LEGAL, MONTEREY))).isEmpty();
        assertThat(names(second.covering(Need.LEGAL, FRESNO))).containsExactly("Coalition");
        assertThat(names(second.covering(Need.SHELTER, MONTEREY))).containsExactly("Other");
        assertThat(second.offering(Need.SHELTER)).isEqualTo(1);
        // The earlier snapshot is unchanged: a decision holding it finishes on what it started with.
        assertThat(names(first.covering(Need.LEGAL, MONTEREY))).containsExactly("Coalition");
        assertThat(names(first.covering(Need.SHELTER, MONTEREY))).containsExactly("Coalition", "Other");

        DirectorySnapshot third = second.with(List.of(inFresno), List.of());
        assertThat(third.size()).isEqualTo(1);
        assertThat(third.offering(Need.LEGAL)).isZero();
        assertThat(names(third.covering(Need.LEGAL, FRESNO))).isEmpty();
        DirectorySnapshot emptied = third.with(List.of(other), List.of());
        assertThat(emptied.isEmpty()).isTrue();
        assertThat(emptied.covering(Need.SHELTER, MONTEREY)).isEmpty();
        assertThat(second.covering(Need.LEGAL, FRESNO)).hasSize(1);
    }

    @Test
    void readersRacingAWriterAlwaysSeeEachOrganisationInExactlyOnePlace() throws Exception {
        List<ListedOrganization> steady = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            steady.add(listed("Steady " + i, Set.of(Need.LEGAL),
                    area(Set.of(), Set.of(i % 2 == 0 ? "CA:Monterey" : "CA:Fresno"))));
        }
        UUID id = UUID.randomUUID();
        ListedOrganization monterey = listed(id, "Mover", Set.of(Need.LEGAL), area(Set.of(), Set.of("CA:Monterey")));
        ListedOrganization fresno = listed(id, "Mover", Set.of(Need.LEGAL), area(Set.of(), Set.of("CA:Fresno")));
        List<ListedOrganization> initial = new ArrayList<>(steady);
        initial.add(monterey);
        Holder holder = new Holder(DirectorySnapshot.empty().with(List.of(), initial));

        int readers = 3;
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch started = new CountDownLatch(readers);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        List<Future<Integer>> reads = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            reads.add(pool.submit(() -> {
                started.countDown();
                int checked = 0;
                while (writing.get() || checked == 0) {
                    DirectorySnapshot snapshot = holder.snapshot;
                    long inMonterey = snapshot.covering(Need.LEGAL, MONTEREY).stream()
                            .filter(o -> o.id().equals(id)).count();
                    long inFresno = snapshot.covering(Need.LEGAL, FRESNO).stream()
                            .filter(o -> o.id().equals(id)).count();
                    assertThat(inMonterey + inFresno).isEqualTo(1);
                    assertThat(snapshot.size()).isEqualTo(301);
                    assertThat(snapshot.covering(Need.LEGAL, MONTEREY).size()
                            + snapshot.covering(Need.LEGAL, FRESNO).size()).isEqualTo(301);
                    // The same snapshot answers the same, however often it is asked.
                    assertThat(snapshot.covering(Need.LEGAL, MONTEREY).stream().filter(o -> o.id().equals(id)).count())
                            .isEqualTo(inMonterey);
                    checked++;
                }
                return checked;
            }));
        }
        started.await();
        ListedOrganization current = monterey;
        for (int i = 0; i < 2_000; i++) {
            ListedOrganization next = current == monterey ? fresno : monterey;
            holder.snapshot = holder.snapshot.with(List.of(current), List.of(next));
            current = next;
        }
        writing.set(false);
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        for (Future<Integer> read : reads) {
            assertThat(read.get()).isPositive();
        }
        assertThat(names(holder.snapshot.covering(Need.LEGAL, MONTEREY))).contains("Mover");
    }

    /** How the service publishes snapshots: one volatile reference. */
    private static final class Holder {
        volatile DirectorySnapshot snapshot;

        Holder(DirectorySnapshot snapshot) {
            this.snapshot = snapshot;
        }
    }

    private static List<String> names(List<ListedOrganization> organizations) {
        return organizations.stream().map(ListedOrganization::name).toList();
    }

    private static Area area(Set<String> states, Set<String> counties) {
        return new Area(false, states, counties, Set.of());
    }

    private ListedOrganization listed(String name, Set<Need> needs, Area area) {
        return listed(UUID.randomUUID(), name, LocalDate.of(2026, 11, 1), needs, area);
    }

    private ListedOrganization listed(UUID id, String name, Set<Need> needs, Area area) {
        return listed(id, name, LocalDate.of(2026, 11, 1), needs, area);
    }

    private ListedOrganization listed(String name, LocalDate verified, Set<Need> needs, Area area) {
        return listed(UUID.randomUUID(), name, verified, needs, area);
    }

    private ListedOrganization listed(UUID id, String name, LocalDate verified, Set<Need> needs, Area area) {
        return ListedOrganization.of(new OrganizationUpserted(id, name, false, false, Set.of(), Set.of("en"), verified,
                List.of(new OrganizationUpserted.Service(UUID.randomUUID(), name, needs, "1-555-0100",
                        new OrganizationUpserted.Hours("America/Los_Angeles", true, List.of(), Set.of()), area)),
                1, Instant.parse("2026-11-01T00:00:00Z")), canonical);
    }
}
