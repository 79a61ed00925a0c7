package org.hotline.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Asks a service's health endpoint twice a second while a case runs, and remembers every answer other than 200. */
final class HealthWatch implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI health;
    private final AtomicInteger checks = new AtomicInteger();
    private final List<String> failures = new ArrayList<>();
    private final Thread watcher;
    private volatile boolean watching = true;

    HealthWatch(String url) {
        this.health = URI.create(url);
        this.watcher = new Thread(this::watch, "health-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watch() {
        long started = System.nanoTime();
        while (watching) {
            String failure;
            try {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(health)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                failure = answer.statusCode() == 200 ? null : "HTTP " + answer.statusCode() + " " + answer.body();
            } catch (IOException e) {
                failure = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                return;
            }
            checks.incrementAndGet();
            if (failure != null) {
                synchronized (failures) {
                    failures.add(String.format("at %.1f s: %s", (System.nanoTime() - started) / 1e9, failure));
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    int checks() {
        return checks.get();
    }

    List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    @Override
    public void close() throws InterruptedException {
        watching = false;
        watcher.interrupt();
        watcher.join(10_000);
    }
}
