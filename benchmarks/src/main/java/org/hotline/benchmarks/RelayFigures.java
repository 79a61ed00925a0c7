package org.hotline.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hotline.local.ServiceProcess;

/**
 * One service's outbox relay as the benchmark reports it: its lag (commit to the broker's acknowledgement) from the
 * relay's own timer, and the relay batch failures in the service's log (the issue asks for none under load). A batch
 * failure is a log line of the relay's giving up on a batch ("Outbox relay batch failed", "the broker took none",
 * "could not read the outbox") or the transaction manager's refusal that used to stall it (ARJUNA012094).
 */
final class RelayFigures {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final List<String> BATCH_FAILURES = List.of("Outbox relay batch failed",
            "Outbox relay: the broker took none", "Outbox relay could not read the outbox", "ARJUNA012094");
    private static final String REFUSED = "refused, will retry after a backoff";

    private RelayFigures() {
    }

    static void print(ServiceProcess service) {
        long[] log = logCounts(service);
        String metrics = metrics(service);
        double count = value(metrics, "hotline_outbox_relay_lag_seconds_count");
        double sum = value(metrics, "hotline_outbox_relay_lag_seconds_sum");
        System.out.printf("%-18s relayed %.0f events, lag mean %.1f ms; last ~2 min: p50 %.1f ms, p99 %.1f ms, max"
                        + " %.1f ms; woken by commits %.0f times; batch failures in its log: %d; refused rows: %d;"
                        + " set aside now: %.0f%n",
                service.name(), value(metrics, "hotline_outbox_relayed_total"), count > 0 ? sum / count * 1000 : 0,
                quantile(metrics, "0.5") * 1000, quantile(metrics, "0.99") * 1000,
                value(metrics, "hotline_outbox_relay_lag_seconds_max") * 1000,
                value(metrics, "hotline_outbox_wakeups_relayed_total"), log[0], log[1],
                value(metrics, "hotline_outbox_set_aside_rows"));
    }

    /** Relay batch failures and refused rows logged so far. */
    static long[] logCounts(ServiceProcess service) {
        long failures = 0;
        long refused = 0;
        try (Stream<String> lines = Files.lines(service.logFile(), StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (BATCH_FAILURES.stream().anyMatch(line::contains)) {
                    failures++;
                } else if (line.contains(REFUSED)) {
                    refused++;
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return new long[] {-1, -1};
        }
        return new long[] {failures, refused};
    }

    private static String metrics(ServiceProcess service) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static double value(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? ([0-9.eE+-]+|NaN)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static double quantile(String metrics, String quantile) {
        Matcher m = Pattern.compile("(?m)^hotline_outbox_relay_lag_seconds\\{[^}]*quantile=\"" + Pattern.quote(quantile)
                + "\"[^}]*} ([0-9.eE+-]+|NaN)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}
