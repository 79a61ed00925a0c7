package org.hotline.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The partners' webhook endpoints, in this process on loopback (JDK {@link HttpServer}): healthy partners on one
 * server with a fixed pool, the stalled partner on a server of its own whose handler never answers until
 * {@link #close()}, so it cannot take a thread from the healthy ones and every delivery to it ends in routing's
 * timeout. Healthy endpoints verify each request's Standard Webhooks signature with the secret the partner was shown,
 * as a partner would, record the first arrival of each {@code webhook-id} and count repeats, and answer 204.
 */
final class WebhookReceivers implements AutoCloseable {

    private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ISSUED_AT = Pattern.compile("\"issuedAt\"\\s*:\\s*\"([^\"]+)\"");

    /** One delivery as the partner first saw it. */
    record Arrival(String partner, String reference, long receivedNanos, Instant receivedAt, Instant issuedAt) {
    }

    private final HttpServer healthy;
    private final HttpServer stalled;
    private final ExecutorService healthyPool;
    private final ExecutorService stalledPool = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    /** By webhook-id: the first arrival. */
    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> idsByPartner = new ConcurrentHashMap<>();
    private final AtomicInteger repeats = new AtomicInteger();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private final AtomicInteger stalledAttempts = new AtomicInteger();

    WebhookReceivers(int threads) throws IOException {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        healthyPool = Executors.newFixedThreadPool(threads);
        healthy = HttpServer.create(loopback, 512);
        healthy.setExecutor(healthyPool);
        healthy.createContext("/partners/", this::deliver);
        healthy.createContext("/reference", this::reference);
        healthy.start();
        stalled = HttpServer.create(loopback, 64);
        stalled.setExecutor(stalledPool);
        stalled.createContext("/partners/", this::stall);
        stalled.start();
    }

    /** The URL partner {@code name} registers; the stalled partner's is on the server that never answers. */
    String url(String name, boolean stalls) {
        HttpServer server = stalls ? stalled : healthy;
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/partners/" + name;
    }

    /** The raw endpoint of the healthy server for the reference: reads the body, answers 204, records nothing. */
    String referenceUrl() {
        return "http://127.0.0.1:" + healthy.getAddress().getPort() + "/reference";
    }

    /** The signing secret partner {@code name} was shown ({@code whsec_} + Base64 of the key). */
    void secret(String name, String secret) {
        keys.put(name, Base64.getDecoder().decode(secret.substring("whsec_".length())));
    }

    Map<String, Arrival> arrivals() {
        return arrivals;
    }

    int distinctIds(String partner) {
        return idsByPartner.getOrDefault(partner, Set.of()).size();
    }

    int repeats() {
        return repeats.get();
    }

    int badSignatures() {
        return badSignatures.get();
    }

    int stalledAttempts() {
        return stalledAttempts.get();
    }

    private void deliver(HttpExchange exchange) throws IOException {
        try (exchange) {
            long received = System.nanoTime();
            Instant receivedAt = Instant.now();
            byte[] body = readAll(exchange.getRequestBody());
            String partner = partnerOf(exchange);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (id == null || timestamp == null || signatures == null || !verified(partner, id, timestamp, body,
                    signatures)) {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            if (idsByPartner.computeIfAbsent(partner, p -> ConcurrentHashMap.newKeySet()).add(id)) {
                String text = new String(body, StandardCharsets.UTF_8);
                arrivals.put(id, new Arrival(partner, first(REFERENCE, text), received, receivedAt,
                        parseInstant(first(ISSUED_AT, text))));
            } else {
                repeats.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private void stall(HttpExchange exchange) throws IOException {
        try (exchange) {
            stalledAttempts.incrementAndGet();
            readAll(exchange.getRequestBody());
            release.await();
            exchange.sendResponseHeaders(503, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void reference(HttpExchange exchange) throws IOException {
        try (exchange) {
            readAll(exchange.getRequestBody());
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private boolean verified(String partner, String id, String timestamp, byte[] body, String signatures) {
        byte[] key = keys.get(partner);
        if (key == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String partnerOf(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static Instant parseInstant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    @Override
    public void close() {
        release.countDown();
        healthy.stop(0);
        stalled.stop(1);
        healthyPool.shutdownNow();
        stalledPool.shutdownNow();
    }
}
