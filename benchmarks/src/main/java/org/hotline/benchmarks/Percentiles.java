package org.hotline.benchmarks;

/** The one percentile every benchmark prints: nearest rank, over durations in nanoseconds, shown in milliseconds. */
final class Percentiles {

    private Percentiles() {
    }

    /** The nearest-rank {@code percent} percentile of {@code sortedNanos} (ascending), in ms; NaN when empty. */
    static double millis(long[] sortedNanos, double percent) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }
}
