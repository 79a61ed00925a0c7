package org.hotline.platform.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * The type errors found while one request body is read (an unknown enum value, a string where an array belongs, an
 * unreadable date), collected instead of failing at the first, so the 400 names every offending field at once. Per
 * thread, and only between {@link #start()} and {@link #stop()} ({@link WholeBodyValidation} brackets the read of
 * each body); outside that, reading fails as Jackson normally does.
 */
public final class BindingProblems {

    private static final ThreadLocal<List<Problem.Violation>> COLLECTED = new ThreadLocal<>();

    private BindingProblems() {
    }

    static void start() {
        COLLECTED.set(new ArrayList<>());
    }

    /** The problems found since {@link #start()}; collecting ends. */
    static List<Problem.Violation> stop() {
        List<Problem.Violation> found = COLLECTED.get();
        COLLECTED.remove();
        return found == null ? List.of() : found;
    }

    /** Whether a body is being read on this thread with problems collected. */
    static boolean collecting() {
        return COLLECTED.get() != null;
    }

    static void record(String field, String message) {
        List<Problem.Violation> found = COLLECTED.get();
        if (found != null) {
            found.add(new Problem.Violation(field, message));
        }
    }
}
