package org.hotline.directory.rest;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpServerRequest;
import org.hotline.directory.config.DirectoryConfig;
import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.rest.ClientAddress;
import org.hotline.platform.rest.SlidingWindowLimiter;

/**
 * Limits the anonymous HSDS read per client as the tip form is limited (platform's {@link SlidingWindowLimiter}):
 * {@code hotline.directory.hsds.public-read.per-client} requests per {@code window}, then {@code 429} problem+json
 * with {@code Retry-After}. The client is the peer, or the forwarded address when proxy forwarding is on.
 */
@ApplicationScoped
public class PublicReadLimiter {

    private final SlidingWindowLimiter limiter;

    public PublicReadLimiter(DirectoryConfig config, Clock clock) {
        this.limiter = new SlidingWindowLimiter(config.hsds().publicRead().perClient(),
                config.hsds().publicRead().window(), clock);
    }

    /** Counts the request, or answers 429 when its client is over the limit. */
    void admit(HttpServerRequest request) {
        limiter.acquire(ClientAddress.of(request)).ifPresent(wait -> {
            throw ProblemException.tooManyRequests("Too many requests from this client; try again later", wait);
        });
    }

    @Scheduled(every = "1m", identity = "hsds-public-read-limiter")
    void forgetIdleClients() {
        limiter.forgetIdleClients();
    }
}
