package org.hotline.intake.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;
import org.hotline.intake.config.IntakeConfig;
import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.rest.SlidingWindowLimiter;

/**
 * Limits how many tips one client submits in a sliding window, so a script cannot flood the hotline (platform's
 * {@link SlidingWindowLimiter}, which the directory's public read uses too). Counted per instance, in memory: behind a
 * load balancer each instance allows its share (set {@code per-client} accordingly), and the client address is the
 * forwarded one when {@code quarkus.http.proxy.proxy-address-forwarding} is on.
 */
@ApplicationScoped
public class SubmissionLimiter {

    private final SlidingWindowLimiter limiter;

    @Inject
    public SubmissionLimiter(IntakeConfig config, Clock clock) {
        this(config.submissions().perClient(), config.submissions().window(), clock);
    }

    public SubmissionLimiter(int limit, Duration window, Clock clock) {
        this.limiter = new SlidingWindowLimiter(limit, window, clock);
    }

    /** Counts a submission; when the client is over its limit, how long until it may submit again. */
    public Optional<Duration> acquire(String client) {
        return limiter.acquire(client);
    }

    /** Counts a submission from an API client, or answers 429 problem+json with Retry-After when over the limit. */
    public void admit(String client) {
        acquire(client).ifPresent(wait -> {
            throw ProblemException.tooManyRequests("Too many submissions from this client; try again later", wait);
        });
    }

    @Scheduled(every = "1m")
    void forgetIdleClients() {
        limiter.forgetIdleClients();
    }
}
