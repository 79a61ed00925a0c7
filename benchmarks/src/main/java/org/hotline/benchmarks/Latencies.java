package org.hotline.benchmarks;

import java.util.Arrays;
import java.util.Collection;

/** Measured durations, sorted, and the time they were measured over (for rates). */
record Latencies(long[] sorted, double seconds) {

    static Latencies of(Collection<Long> nanos, double seconds) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Latencies(sorted, seconds);
    }

    int count() {
        return sorted.length;
    }

    double perSecond() {
        return sorted.length / seconds;
    }

    double p50() {
        return Percentiles.millis(sorted, 50);
    }

    double p99() {
        return Percentiles.millis(sorted, 99);
    }

    double maxMillis() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
    }
}
