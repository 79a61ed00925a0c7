package org.hotline.directory.hsds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The IANA time zone of a US place from its state and ZIP code ({@code hsds/us-states.csv}), for an imported location
 * that gives no zone. HSDS 3.0's own {@code timezone} is a numeric UTC offset, which cannot follow daylight saving, so
 * it is never used. A state split between zones is resolved by the ZIP code's three-digit prefix where the table
 * lists it; the ambiguities it leaves are named in the file.
 */
public final class UsTimeZones {

    private record State(String code, String zone, Map<String, String> zonesByPrefix) {
    }

    private static final UsTimeZones TABLE = load();

    private final Map<String, State> byCodeOrName;

    private UsTimeZones(Map<String, State> byCodeOrName) {
        this.byCodeOrName = byCodeOrName;
    }

    public static UsTimeZones table() {
        return TABLE;
    }

    /** The two-letter code of a state given by code or name ({@code CA}, {@code ca}, {@code California}). */
    public Optional<String> stateCode(String stateOrName) {
        return state(stateOrName).map(State::code);
    }

    /** The zone of a place in {@code state}, refined by its ZIP code when the state is split. */
    public Optional<String> zoneOf(String stateOrName, String postalCode) {
        return state(stateOrName).map(s -> {
            if (postalCode != null && postalCode.strip().length() >= 3) {
                String zone = s.zonesByPrefix().get(postalCode.strip().substring(0, 3));
                if (zone != null) {
                    return zone;
                }
            }
            return s.zone();
        });
    }

    private Optional<State> state(String stateOrName) {
        return stateOrName == null ? Optional.empty()
                : Optional.ofNullable(byCodeOrName.get(stateOrName.strip().toLowerCase(Locale.ROOT)));
    }

    private static UsTimeZones load() {
        Map<String, State> states = new HashMap<>();
        try (InputStream in = UsTimeZones.class.getResourceAsStream("/hsds/us-states.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                Map<String, String> prefixes = new HashMap<>();
                for (String entry : cells[3].strip().split(" ")) {
                    if (!entry.isEmpty()) {
                        prefixes.put(entry.substring(0, entry.indexOf(':')), entry.substring(entry.indexOf(':') + 1));
                    }
                }
                State state = new State(cells[0], cells[2], Map.copyOf(prefixes));
                states.put(cells[0].toLowerCase(Locale.ROOT), state);
                states.put(cells[1].toLowerCase(Locale.ROOT), state);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new UsTimeZones(Map.copyOf(states));
    }
}
