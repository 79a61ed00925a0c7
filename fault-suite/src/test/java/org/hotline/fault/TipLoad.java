package org.hotline.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tips submitted over HTTP to the public {@code POST /api/v1/tips} by a fixed number of concurrent clients, each tip
 * with its own {@code Idempotency-Key}. With {@link Retry#UNTIL_ACCEPTED} a client whose request failed (no answer,
 * or a 5xx) sends the same tip with the same key again until it is accepted, as a careful client would; with
 * {@link Retry#NONE} every tip is sent once and its answer recorded, whatever it is. Submissions may be paced so the
 * load lasts at least a given time, which keeps it running while a fault is injected and repaired.
 */
final class TipLoad {

    enum Retry { NONE, UNTIL_ACCEPTED }

    /** What one tip's submission ended with: the last answer's status (-1: none) and, when accepted, its reference. */
    record Outcome(String key, int status, String reference, int attempts, String lastError) {

        boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    private final URI tips;
    private final String keyPrefix;
    private final List<String> keys;
    private final int count;
    private final int concurrency;
    private final Duration minimumDuration;
    private final Retry retry;
    private final Map<Integer, Outcome> outcomes = new ConcurrentHashMap<>();
    /** While held open the load goes on past its count, at the same pace, until {@link #release()}. */
    private volatile boolean heldOpen;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger failedAttempts = new AtomicInteger();
    private ExecutorService clients;
    private final List<Future<?>> running = new ArrayList<>();
    private long startNanos;
    private long endNanos;

    /** {@code count} new tips, keys {@code <prefix>-<n>}. */
    TipLoad(String intakeUrl, String keyPrefix, int count, int concurrency, Duration minimumDuration, Retry retry) {
        this(intakeUrl, keyPrefix, null, count, concurrency, minimumDuration, retry);
    }

    /** The given tips again (same keys, same bodies), e.g. a retry of those that failed. */
    TipLoad(String intakeUrl, Collection<String> keys, int concurrency, Retry retry) {
        this(intakeUrl, null, List.copyOf(keys), keys.size(), concurrency, Duration.ZERO, retry);
    }

    private TipLoad(String intakeUrl, String keyPrefix, List<String> keys, int count, int concurrency,
            Duration minimumDuration, Retry retry) {
        this.tips = URI.create(intakeUrl + "/api/v1/tips");
        this.keyPrefix = keyPrefix;
        this.keys = keys;
        this.count = count;
        this.concurrency = concurrency;
        this.minimumDuration = minimumDuration;
        this.retry = retry;
    }

    private String key(int i) {
        return keys != null ? keys.get(i) : keyPrefix + "-" + i;
    }

    /**
     * Keeps the load going past its count until {@link #release()}, so that a fault sequence longer than the load
     * (a restart takes its time) still happens under load. Only for loads of new tips.
     */
    TipLoad holdOpen() {
        if (keys != null) {
            throw new IllegalStateException("Only a load of new tips can be held open");
        }
        heldOpen = true;
        return this;
    }

    void release() {
        heldOpen = false;
    }

    TipLoad start() {
        startNanos = System.nanoTime();
        clients = Executors.newFixedThreadPool(concurrency);
        for (int c = 0; c < concurrency; c++) {
            running.add(clients.submit(this::submitUntilNoneLeft));
        }
        clients.shutdown();
        return this;
    }

    /** Waits until the given share of the count has an outcome (or the load is over). */
    void awaitProgress(double share) throws InterruptedException {
        awaitUntil(() -> finished.get() >= share * count);
    }

    /** Waits until at least {@code more} further tips have an outcome (or the load is over). */
    void awaitMore(int more) throws InterruptedException {
        int target = finished.get() + more;
        awaitUntil(() -> finished.get() >= target);
    }

    private void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean() && !clients.isTerminated()) {
            Thread.sleep(50);
        }
    }

    /** Releases the load and waits for every tip's outcome; a client's unexpected failure fails the case. */
    List<Outcome> awaitDone() throws Exception {
        release();
        if (!clients.awaitTermination(GIVE_UP_AFTER.toMinutes() * 2 + 30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("The load did not finish");
        }
        for (Future<?> client : running) {
            client.get();
        }
        endNanos = System.nanoTime();
        return outcomes.keySet().stream().sorted().map(outcomes::get).toList();
    }

    int finished() {
        return finished.get();
    }

    boolean isOver() {
        return clients.isTerminated();
    }

    int count() {
        return count;
    }

    /** Attempts that got no answer or a 5xx (each retried with the same key under {@link Retry#UNTIL_ACCEPTED}). */
    int failedAttempts() {
        return failedAttempts.get();
    }

    double seconds() {
        return (endNanos - startNanos) / 1e9;
    }

    private void submitUntilNoneLeft() {
        long nanosPerTip = minimumDuration.toNanos() / Math.max(1, count);
        for (int i = next.getAndIncrement(); i < count || heldOpen; i = next.getAndIncrement()) {
            long due = startNanos + i * nanosPerTip;
            sleepNanos(due - System.nanoTime());
            Outcome outcome = submit(key(i));
            outcomes.put(i, outcome);
            finished.incrementAndGet();
            if (outcome.accepted()) {
                accepted.incrementAndGet();
            }
        }
    }

    private Outcome submit(String key) {
        String body = TipBodies.body(key);
        long giveUp = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        long backoffMillis = 200;
        int attempts = 0;
        while (true) {
            attempts++;
            int status;
            String error;
            try {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(tips)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                status = answer.statusCode();
                if (status >= 200 && status < 300) {
                    Matcher m = REFERENCE.matcher(answer.body());
                    if (!m.find()) {
                        throw new IllegalStateException("A " + status + " answer without a reference");
                    }
                    return new Outcome(key, status, m.group(1), attempts, null);
                }
                error = "HTTP " + status;
            } catch (IOException e) {
                status = -1;
                error = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (status >= 400 && status < 500 && status != 429) {
                // A tip the service refuses is a mistake of this suite, not a fault: stop the case.
                throw new IllegalStateException("Tip " + key + " refused with " + status);
            }
            failedAttempts.incrementAndGet();
            if (retry == Retry.NONE || System.nanoTime() > giveUp) {
                return new Outcome(key, status, null, attempts, error);
            }
            sleepNanos(TimeUnit.MILLISECONDS.toNanos(backoffMillis));
            backoffMillis = Math.min(backoffMillis * 2, 2000);
        }
    }

    private static void sleepNanos(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
