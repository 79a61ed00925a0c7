package org.hotline.platform.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many requests one client may make in a sliding window: what limits the tip form (intake's
 * {@code SubmissionLimiter}) and the directory's public HSDS read. Counted per instance, in memory: behind a load
 * balancer each instance allows its share. The owner calls {@link #forgetIdleClients()} now and then (a
 * {@code @Scheduled} method) so clients gone quiet do not pile up.
 */
public final class SlidingWindowLimiter {

    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final int limit;
    private final Duration window;
    private final Clock clock;

    public SlidingWindowLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts a request; when the client is over its limit, how long until it may make one again (not counted). */
    public Optional<Duration> acquire(String client) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
            }
            times.addLast(now);
            return Optional.empty();
        }
    }

    public void forgetIdleClients() {
        Instant cutoff = clock.instant().minus(window);
        recent.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                return entry.getValue().isEmpty() || !entry.getValue().peekLast().isAfter(cutoff);
            }
        });
    }
}
