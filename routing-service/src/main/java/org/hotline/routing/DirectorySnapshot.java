package org.hotline.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.vocabulary.Need;

/**
 * The directory read model in memory as an immutable index: per need, the organisations offering it by postal code,
 * county, state and nationally, each bucket kept in rank order (most recently verified, then name, then id). A
 * decision looks up four buckets per need instead of scanning the directory.
 *
 * <p>Never changed once built: {@link #with} returns a new snapshot that shares every bucket it does not touch, so
 * readers use a snapshot without locks while the writer prepares the next one and publishes it with one volatile write.
 */
public final class DirectorySnapshot implements CandidateSource {

    /** Rank within one area level, as the selector ranks (DESIGN §5: most recently verified first). */
    static final Comparator<ListedOrganization> WITHIN_LEVEL = Comparator
            .comparing(ListedOrganization::lastVerifiedOn, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(ListedOrganization::name, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ListedOrganization::id);

    private static final DirectorySnapshot EMPTY = new DirectorySnapshot(0, Map.of());

    private final int size;
    private final Map<Need, NeedIndex> byNeed;

    private DirectorySnapshot(int size, Map<Need, NeedIndex> byNeed) {
        this.size = size;
        this.byNeed = byNeed;
    }

    public static DirectorySnapshot empty() {
        return EMPTY;
    }

    /** A snapshot of exactly these organisations (ids distinct), e.g. for tests or the fallback lines. */
    public static DirectorySnapshot of(Collection<OrganizationUpserted> organizations) {
        Canonical canonical = new Canonical();
        List<ListedOrganization> listed = organizations.stream().map(o -> ListedOrganization.of(o, canonical)).toList();
        return EMPTY.with(List.of(), listed);
    }

    /**
     * This snapshot without {@code removed} (as they were listed here) and with {@code added}; an organisation that
     * changed is in both. Only the buckets of the needs and places they touch are copied.
     */
    public DirectorySnapshot with(Collection<ListedOrganization> removed, Collection<ListedOrganization> added) {
        if (removed.isEmpty() && added.isEmpty()) {
            return this;
        }
        Map<Need, NeedIndex.Builder> builders = new EnumMap<>(Need.class);
        for (ListedOrganization organization : removed) {
            for (Need need : needsOf(organization)) {
                builders.computeIfAbsent(need, n -> new NeedIndex.Builder(byNeed.get(n))).remove(organization, need);
            }
        }
        for (ListedOrganization organization : added) {
            for (Need need : needsOf(organization)) {
                builders.computeIfAbsent(need, n -> new NeedIndex.Builder(byNeed.get(n))).add(organization, need);
            }
        }
        Map<Need, NeedIndex> next = new EnumMap<>(Need.class);
        next.putAll(byNeed);
        builders.forEach((need, builder) -> {
            NeedIndex index = builder.build();
            if (index.organizations == 0) {
                next.remove(need);
            } else {
                next.put(need, index);
            }
        });
        return new DirectorySnapshot(size - removed.size() + added.size(), Collections.unmodifiableMap(next));
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    /** How many organisations the snapshot holds. */
    public int size() {
        return size;
    }

    @Override
    public int offering(Need need) {
        NeedIndex index = byNeed.get(need);
        return index == null ? 0 : index.organizations;
    }

    @Override
    public List<ListedOrganization> covering(Need need, Place place) {
        NeedIndex index = byNeed.get(need);
        if (index == null) {
            return List.of();
        }
        List<ListedOrganization> postal = index.bucket(Key.POSTAL_CODE, place.postalCode());
        List<ListedOrganization> county = index.bucket(Key.COUNTY, place.county());
        List<ListedOrganization> state = index.bucket(Key.STATE, place.state());
        List<ListedOrganization> national = index.bucket(Key.NATIONAL, Key.NATIONAL_KEY);
        if (postal.isEmpty() && county.isEmpty() && state.isEmpty()) {
            return national;
        }
        // Each bucket is already in rank order: merge the two local ones, then state, then national, each
        // organisation once at its most local level.
        List<ListedOrganization> found = new ArrayList<>(postal.size() + county.size() + state.size() + national.size());
        Set<ListedOrganization> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int p = 0;
        int c = 0;
        while (p < postal.size() || c < county.size()) {
            ListedOrganization next = c == county.size()
                    || (p < postal.size() && WITHIN_LEVEL.compare(postal.get(p), county.get(c)) <= 0)
                    ? postal.get(p++) : county.get(c++);
            if (seen.add(next)) {
                found.add(next);
            }
        }
        for (ListedOrganization organization : state) {
            if (seen.add(organization)) {
                found.add(organization);
            }
        }
        for (ListedOrganization organization : national) {
            if (seen.add(organization)) {
                found.add(organization);
            }
        }
        return found;
    }

    private static Set<Need> needsOf(ListedOrganization organization) {
        Set<Need> needs = new HashSet<>();
        organization.services().forEach(s -> needs.addAll(s.needs()));
        return needs;
    }

    /** The four kinds of bucket; national has a single one. */
    private enum Key {
        POSTAL_CODE, COUNTY, STATE, NATIONAL;

        static final String NATIONAL_KEY = "*";
    }

    /** One need's buckets and how many organisations offer it. */
    private static final class NeedIndex {

        private final List<Map<String, List<ListedOrganization>>> buckets;
        private final int organizations;

        private NeedIndex(List<Map<String, List<ListedOrganization>>> buckets, int organizations) {
            this.buckets = buckets;
            this.organizations = organizations;
        }

        List<ListedOrganization> bucket(Key key, String value) {
            if (value == null) {
                return List.of();
            }
            return buckets.get(key.ordinal()).getOrDefault(value, List.of());
        }

        /** Copies on first write: the maps and buckets it touches, nothing else. */
        static final class Builder {
            private final NeedIndex base;
            private final List<Map<String, List<ListedOrganization>>> maps = new ArrayList<>();
            private final List<Set<String>> touched = new ArrayList<>();
            private int organizations;

            Builder(NeedIndex base) {
                this.base = base;
                for (Key key : Key.values()) {
                    maps.add(null);
                    touched.add(new HashSet<>());
                }
                this.organizations = base == null ? 0 : base.organizations;
            }

            void remove(ListedOrganization organization, Need need) {
                forEachBucket(organization, need, bucket -> bucket.removeIf(o -> o.id().equals(organization.id())));
                organizations--;
            }

            void add(ListedOrganization organization, Need need) {
                forEachBucket(organization, need, bucket -> bucket.add(organization));
                organizations++;
            }

            NeedIndex build() {
                List<Map<String, List<ListedOrganization>>> built = new ArrayList<>();
                for (Key key : Key.values()) {
                    Map<String, List<ListedOrganization>> map = maps.get(key.ordinal());
                    if (map == null) {
                        built.add(base == null ? Map.of() : base.buckets.get(key.ordinal()));
                        continue;
                    }
                    for (String value : touched.get(key.ordinal())) {
                        List<ListedOrganization> bucket = map.get(value);
                        if (bucket.isEmpty()) {
                            map.remove(value);
                        } else {
                            bucket.sort(WITHIN_LEVEL);
                            map.put(value, Collections.unmodifiableList(bucket));
                        }
                    }
                    built.add(Collections.unmodifiableMap(map));
                }
                return new NeedIndex(List.copyOf(built), organizations);
            }

            private void forEachBucket(ListedOrganization organization, Need need,
                    java.util.function.Consumer<List<ListedOrganization>> change) {
                Set<String> postalCodes = new HashSet<>();
                Set<String> counties = new HashSet<>();
                Set<String> states = new HashSet<>();
                boolean national = false;
                for (ListedService service : organization.services()) {
                    if (service.covers(need)) {
                        postalCodes.addAll(service.area().postalCodes());
                        counties.addAll(service.area().counties());
                        states.addAll(service.area().states());
                        national |= service.area().national();
                    }
                }
                postalCodes.forEach(v -> change.accept(writable(Key.POSTAL_CODE, v)));
                counties.forEach(v -> change.accept(writable(Key.COUNTY, v)));
                states.forEach(v -> change.accept(writable(Key.STATE, v)));
                if (national) {
                    change.accept(writable(Key.NATIONAL, Key.NATIONAL_KEY));
                }
            }

            /** The bucket for {@code value}, copied into this builder the first time it is written. */
            private List<ListedOrganization> writable(Key key, String value) {
                Map<String, List<ListedOrganization>> map = maps.get(key.ordinal());
                if (map == null) {
                    map = base == null ? new HashMap<>() : new HashMap<>(base.buckets.get(key.ordinal()));
                    maps.set(key.ordinal(), map);
                }
                if (touched.get(key.ordinal()).add(value)) {
                    List<ListedOrganization> bucket = new ArrayList<>(map.getOrDefault(value, List.of()));
                    map.put(value, bucket);
                    return bucket;
                }
                return map.get(value);
            }
        }
    }
}
