package org.hotline.intake.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;
import org.hotline.intake.config.IntakeConfig;
import org.hotline.platform.problem.ProblemException;

/**
 * Limits how many tips one client submits in a sliding window, so a script cannot flood the hotline. Counted per
 * instance, in memory: behind a load balancer each instance allows its share (set {@code per-client} accordingly),
 * and the client address is the forwarded one when {@code quarkus.http.proxy.proxy-address-forwarding} is on.
 */
@ApplicationScoped
public class SubmissionLimiter {

    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final int limit;
    private final Duration window;
    private final Clock clock;

    @Inject
    public SubmissionLimiter(IntakeConfig config, Clock clock) {
        this(config.submissions().perClient(), config.submissions().window(), clock);
    }

    public SubmissionLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts a submission; when the client is over its limit, how long until it may submit again. */
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

    /** Counts a submission from an API client, or answers 429 problem+json with Retry-After when over the limit. */
    public void admit(String client) {
        acquire(client).ifPresent(wait -> {
            throw ProblemException.tooManyRequests("Too many submissions from this client; try again later", wait);
        });
    }

    @Scheduled(every = "1m")
    void forgetIdleClients() {
        Instant cutoff = clock.instant().minus(window);
        recent.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                return entry.getValue().isEmpty() || !entry.getValue().peekLast().isAfter(cutoff);
            }
        });
    }
}
