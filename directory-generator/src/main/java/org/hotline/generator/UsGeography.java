package org.hotline.generator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counties of every state, read once from {@code us-counties.csv} (Census Bureau county list; its header says
 * where each column comes from). Immutable and shared.
 */
final class UsGeography {

    private static final String RESOURCE = "us-counties.csv";

    private final List<County> counties;
    private final Map<UsState, List<County>> byState;
    private final Map<UsState, String> stateZones;

    private UsGeography(List<County> counties) {
        this.counties = List.copyOf(counties);
        Map<UsState, List<County>> grouped = new EnumMap<>(UsState.class);
        for (County county : counties) {
            grouped.computeIfAbsent(county.state(), s -> new ArrayList<>()).add(county);
        }
        if (grouped.size() != UsState.values().length) {
            throw new IllegalStateException(RESOURCE + " lacks counties of some states");
        }
        grouped.replaceAll((state, list) -> List.copyOf(list));
        this.byState = Collections.unmodifiableMap(grouped);
        Map<UsState, String> zones = new EnumMap<>(UsState.class);
        grouped.forEach((state, list) -> zones.put(state, majorityZone(list)));
        this.stateZones = Collections.unmodifiableMap(zones);
    }

    /** The one shared instance, loaded on first use. */
    static UsGeography get() {
        return Holder.INSTANCE;
    }

    List<County> counties() {
        return counties;
    }

    List<County> counties(UsState state) {
        return byState.get(state);
    }

    /** The zone most of the state's population keeps (weighted by county size), for state-wide organisations. */
    String timeZone(UsState state) {
        return stateZones.get(state);
    }

    /** Relative size of a state: the sum of its counties' sizes. */
    int size(UsState state) {
        return byState.get(state).stream().mapToInt(County::size).sum();
    }

    private static String majorityZone(List<County> counties) {
        Map<String, Integer> weight = new LinkedHashMap<>();
        for (County county : counties) {
            weight.merge(county.timeZone(), Math.max(1, county.size()), Integer::sum);
        }
        return weight.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    static UsGeography load() {
        try (InputStream in = UsGeography.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<County> counties = new ArrayList<>(3300);
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                counties.add(parse(line));
            }
            return new UsGeography(counties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** state,fips,county,censusName,timeZone,city,zips,zctas: no field holds a comma, so no quoting. */
    private static County parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 8) {
            throw new IllegalStateException(RESOURCE + ": expected 8 columns in " + line);
        }
        List<String> zips = f[6].isBlank() ? List.of() : Arrays.asList(f[6].trim().split(" "));
        return new County(UsState.of(f[0]), f[1], f[2], f[3], f[4], f[5], List.copyOf(zips),
                Integer.parseInt(f[7]));
    }

    private static final class Holder {
        static final UsGeography INSTANCE = load();
    }
}
