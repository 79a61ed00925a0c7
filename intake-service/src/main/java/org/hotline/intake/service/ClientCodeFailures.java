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

/**
 * Wrong follow-up codes per client address, so one client cannot spread its guesses over many references (the
 * per-reference limit lives in the database). Kept in memory per instance, like the submission limit: the address is
 * never written anywhere, and an idle client is forgotten after the window.
 */
@ApplicationScoped
public class ClientCodeFailures {

    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final int limit;
    private final Duration window;
    private final Clock clock;

    @Inject
    public ClientCodeFailures(IntakeConfig config, Clock clock) {
        this(config.followUpCode().maxFailuresPerClient(), config.followUpCode().failureWindow(), clock);
    }

    public ClientCodeFailures(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** How long until the client may try again, when it has had too many wrong codes lately. */
    public Optional<Duration> blocked(String client) {
        Deque<Instant> times = recent.get(client);
        if (times == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        synchronized (times) {
            dropExpired(times, now);
            return times.size() >= limit ? Optional.of(Duration.between(now, times.peekFirst().plus(window)))
                    : Optional.empty();
        }
    }

    public void record(String client) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (times) {
            dropExpired(times, now);
            if (times.size() < limit) {
                times.addLast(now);
            }
        }
    }

    private void dropExpired(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
            times.pollFirst();
        }
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
