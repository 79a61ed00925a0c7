package org.hotline.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where contacts come from in the benchmarks: every U.S. county and its ZIP codes from directory-generator's
 * public-domain Census table, weighted by population, so busy places are asked about as often as they are in life.
 */
final class CensusPlaces {

    private static final String COUNTIES = "org/hotline/generator/us-counties.csv";

    /** A county, or one ZIP code of it ({@code postalCode} null for a county listed without any). */
    record Place(String state, String county, String city, String postalCode, double weight) {
    }

    private CensusPlaces() {
    }

    /** One place per ZIP code of each county, sharing the county's weight; a county without ZIP codes once. */
    static List<Place> load() throws IOException {
        List<Place> places = new ArrayList<>();
        try (InputStream in = CensusPlaces.class.getClassLoader().getResourceAsStream(COUNTIES)) {
            if (in == null) {
                throw new IllegalStateException("No " + COUNTIES + " on the class path (module directory-generator)");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", -1);
                String[] zips = f[6].isBlank() ? new String[] {null} : f[6].trim().split(" ");
                for (String zip : zips) {
                    places.add(new Place(f[0], f[2], f[5], zip, (Integer.parseInt(f[7].trim()) + 2.0) / zips.length));
                }
            }
        }
        return places;
    }

    /** A place drawn with probability proportional to its weight. */
    static Place draw(List<Place> places, SplittableRandom random) {
        double total = places.stream().mapToDouble(Place::weight).sum();
        double r = random.nextDouble() * total;
        for (Place place : places) {
            r -= place.weight();
            if (r <= 0) {
                return place;
            }
        }
        return places.get(places.size() - 1);
    }
}
