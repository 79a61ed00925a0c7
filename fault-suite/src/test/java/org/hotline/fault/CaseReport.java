package org.hotline.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What one case counted, printed as one line of figures plus the problems found: a loss (something accepted that is
 * missing from a table or a topic) or a duplicate (something made twice: a second tip for one idempotency key, a
 * second decision, event id, referral or follow-up for one tip). Redeliveries of the same event (same CloudEvents id)
 * are at-least-once delivery working as designed and are counted, not failed.
 */
final class CaseReport {

    private final String name;
    private final Map<String, Long> figures = new LinkedHashMap<>();
    private final Map<String, TreeSet<String>> lost = new LinkedHashMap<>();
    private final Map<String, TreeSet<String>> duplicated = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    CaseReport(String name) {
        this.name = name;
    }

    CaseReport figure(String label, long value) {
        figures.put(label, value);
        return this;
    }

    long figure(String label) {
        return figures.getOrDefault(label, 0L);
    }

    /** Something accepted that is missing: what, and the record (reference, key or referral id) it concerns. */
    void lost(String what, String record) {
        lost.computeIfAbsent(what, k -> new TreeSet<>()).add(record);
    }

    void duplicated(String what, String record) {
        duplicated.computeIfAbsent(what, k -> new TreeSet<>()).add(record);
    }

    void note(String note) {
        notes.add(note);
    }

    /** A case-specific check that failed (e.g. health went down); fails the case like a loss. */
    void failure(String failure) {
        failures.add(failure);
    }

    long lostCount() {
        return lost.values().stream().mapToLong(TreeSet::size).sum();
    }

    long duplicateCount() {
        return duplicated.values().stream().mapToLong(TreeSet::size).sum();
    }

    String summary(double seconds) {
        StringBuilder line = new StringBuilder(name).append(':');
        String separator = " ";
        for (Map.Entry<String, Long> figure : figures.entrySet()) {
            line.append(separator).append(figure.getKey()).append(' ').append(figure.getValue());
            separator = ", ";
        }
        line.append(", duplicates ").append(duplicateCount()).append(", lost ").append(lostCount())
                .append(String.format(", took %.0f s", seconds));
        return line.toString();
    }

    void print(double seconds) {
        System.out.println("[fault-suite] " + summary(seconds));
        for (String note : notes) {
            System.out.println("[fault-suite]   " + note);
        }
        print("LOST", lost);
        print("DUPLICATE", duplicated);
        for (String failure : failures) {
            System.out.println("[fault-suite]   FAILED: " + failure);
        }
    }

    private static void print(String kind, Map<String, TreeSet<String>> problems) {
        problems.forEach((what, records) -> System.out.printf("[fault-suite]   %s %s: %d, e.g. %s%n", kind, what,
                records.size(), records.stream().limit(10).toList()));
    }

    /** Fails the case on any loss, duplicate or failed check, naming them. */
    void assertClean() {
        assertThat(lost).as(name + ": lost (what -> records)").isEmpty();
        assertThat(duplicated).as(name + ": duplicated (what -> records)").isEmpty();
        assertThat(failures).as(name + ": failed checks").isEmpty();
    }
}
