package org.hotline.followup.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hotline.followup.config.FollowupConfig;
import org.hotline.followup.service.FollowupBacklog.Summary;
import org.hotline.platform.SafeThrowables;
import org.jboss.logging.Logger;

/**
 * The backlog summary as the API and the dashboard serve it: counted at most once per {@code max-age} on this
 * instance, however many operators poll. A full count reads every open follow-up (about 140 ms at a million on two
 * cores), so it is shared rather than repeated for each of many dashboards refreshing every few seconds.
 *
 * <p>A summary younger than {@code max-age} is served as it is; its {@code asOf} says when it was counted. Once it is
 * past half its {@code max-age}, the request that notices still gets it at once and starts the next count in the
 * background (refresh ahead), so dashboards polling more often than every half {@code max-age} never wait for a
 * count. A request that finds the summary older than {@code max-age} (no one asked for a while) starts a count and
 * waits for it, unless a count is already running: then it waits for that one and shares its result (single flight),
 * so concurrent polls cost one query. An answer is therefore counted at most {@code max-age} before its request
 * arrived, or by a count that was already running when it arrived. A count that fails is not cached: its error goes
 * to the requests that waited for it, and the next request counts again.
 *
 * <p>Writes do not invalidate the summary: each instance keeps its own, and a burst of completions must not turn every
 * poll into a full count. A change shows within {@code max-age}, on every instance alike. {@code max-age} zero counts
 * on every request.
 */
@ApplicationScoped
public class BacklogCache {

    private static final Logger LOG = Logger.getLogger(BacklogCache.class);

    private final FollowupBacklog backlog;
    private final Clock clock;
    private final Duration maxAge;
    private final Timer counts;
    /** The count in progress, if any; set only by the request that runs it. */
    private final AtomicReference<CompletableFuture<Summary>> running = new AtomicReference<>();
    private volatile Summary latest;
    /** Runs the counts started ahead of expiry: one thread, and {@link #running} keeps it to one count at a time. */
    private final ExecutorService ahead = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "backlog-refresh-ahead");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    public BacklogCache(FollowupBacklog backlog, Clock clock, FollowupConfig config, MeterRegistry registry) {
        this(backlog, clock, config.backlog().maxAge(), registry);
    }

    BacklogCache(FollowupBacklog backlog, Clock clock, Duration maxAge, MeterRegistry registry) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("hotline.followup.backlog.max-age must not be negative: " + maxAge);
        }
        this.backlog = backlog;
        this.clock = clock;
        this.maxAge = maxAge;
        this.counts = Timer.builder("hotline.followup.backlog.counting")
                .description("Backlog summaries counted in the database (requests served from the cache excluded)")
                .register(registry);
    }

    /** The backlog, counted at most {@code max-age} ago (or by a count running when this call began). */
    public Summary current() {
        if (maxAge.isZero()) {
            return count();
        }
        Instant arrived = clock.instant();
        Summary cached = latest;
        if (isFresh(cached, arrived)) {
            if (isPastHalfLife(cached, arrived)) {
                countAhead();
            }
            return cached;
        }
        CompletableFuture<Summary> mine = new CompletableFuture<>();
        CompletableFuture<Summary> other = running.compareAndExchange(null, mine);
        if (other != null) {
            return shared(other);
        }
        try {
            // Another request may have finished a count between the first look and this one's turn.
            cached = latest;
            Summary summary = isFresh(cached, arrived) ? cached : count();
            mine.complete(summary);
            return summary;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.compareAndSet(mine, null);
        }
    }

    /** Starts a count in the background unless one is running; requests meanwhile keep the current summary. */
    private void countAhead() {
        CompletableFuture<Summary> mine = new CompletableFuture<>();
        if (!running.compareAndSet(null, mine)) {
            return;
        }
        try {
            ahead.execute(() -> {
                try {
                    // Off the request thread there is no request-scoped session: the count gets its own transaction.
                    mine.complete(QuarkusTransaction.requiringNew().call(this::count));
                } catch (RuntimeException | Error e) {
                    // The summary stays as it was; the first request after max-age counts again and sees any error.
                    LOG.warnf("Counting the backlog ahead of expiry failed: %s", SafeThrowables.describe(e));
                    mine.completeExceptionally(e);
                } finally {
                    running.compareAndSet(mine, null);
                }
            });
        } catch (RejectedExecutionException e) {
            // Stopping: no new counts.
            running.compareAndSet(mine, null);
            mine.cancel(false);
        }
    }

    @PreDestroy
    void stop() {
        ahead.shutdownNow();
    }

    /** The configured staleness bound. */
    public Duration maxAge() {
        return maxAge;
    }

    private Summary count() {
        // Whole milliseconds: the age boundaries are found to the millisecond.
        Summary summary = counts.record(() -> backlog.at(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        latest = summary;
        return summary;
    }

    /** Counted less than {@code max-age} before {@code at}; a clock set back by more than that counts as stale. */
    private boolean isFresh(Summary summary, Instant at) {
        if (summary == null) {
            return false;
        }
        Duration age = Duration.between(summary.asOf(), at);
        return age.compareTo(maxAge) < 0 && age.compareTo(maxAge.negated()) > 0;
    }

    /** Counted at least half of {@code max-age} before {@code at}: time to count the next one. */
    private boolean isPastHalfLife(Summary summary, Instant at) {
        return Duration.between(summary.asOf(), at).compareTo(maxAge.dividedBy(2)) >= 0;
    }

    private static Summary shared(CompletableFuture<Summary> count) {
        try {
            return count.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
