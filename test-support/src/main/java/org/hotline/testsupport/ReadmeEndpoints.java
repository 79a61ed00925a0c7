package org.hotline.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The endpoint tables of a module's README, read so that a test can hold them against the service: every Markdown table
 * whose first two columns are {@code endpoint} and {@code roles} (a README may group its endpoints under headings). In each row, every {@code `METHOD /path`} in the
 * first cell (paths spelled as the OpenAPI document spells them) may be called by the roles the second cell names:
 * {@code agent}, {@code supervisor}, {@code partner}, {@code admin}, or {@code public} / {@code anonymous} for anyone,
 * without a token. Other text in the cells (a partner's scope, a note) is for the reader.
 */
public final class ReadmeEndpoints {

    private static final Pattern HEADER = Pattern.compile("^\\|\\s*endpoint\\s*\\|\\s*roles\\s*\\|.*");
    private static final Pattern ENDPOINT = Pattern.compile("`(GET|POST|PUT|DELETE|PATCH) (/[^`\\s]*)`");
    private static final Pattern ROLE = Pattern.compile("\\b(public|anonymous|agent|supervisor|partner|admin)\\b");

    private ReadmeEndpoints() {
    }

    /** {@code "METHOD /path"} → the callers allowed, in {@link AuthorizationMatrix#CALLERS}' terms. */
    public static Map<String, Set<String>> read(Path readme) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + readme, e);
        }
        Map<String, Set<String>> endpoints = new TreeMap<>();
        List<String> repeated = new ArrayList<>();
        boolean found = false;
        for (int header = 0; header < lines.size(); header++) {
            if (!HEADER.matcher(lines.get(header)).matches()) {
                continue;
            }
            found = true;
            for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
                String[] cells = lines.get(i).split("\\|");
                if (cells.length < 3) {
                    continue;
                }
                Set<String> callers = callers(cells[2]);
                Matcher endpoint = ENDPOINT.matcher(cells[1]);
                while (endpoint.find()) {
                    String key = endpoint.group(1) + " " + endpoint.group(2);
                    if (endpoints.put(key, callers) != null) {
                        repeated.add(key);
                    }
                }
            }
        }
        if (!found) {
            throw new IllegalStateException(readme + " has no table headed | endpoint | roles |");
        }
        if (!repeated.isEmpty()) {
            throw new IllegalStateException(readme + " lists these endpoints twice: " + repeated);
        }
        return endpoints;
    }

    private static Set<String> callers(String cell) {
        Set<String> callers = new LinkedHashSet<>();
        Matcher role = ROLE.matcher(cell);
        while (role.find()) {
            if (role.group(1).equals("public") || role.group(1).equals("anonymous")) {
                return AuthorizationMatrix.PUBLIC;
            }
            callers.add(role.group(1));
        }
        return Set.copyOf(callers);
    }
}
