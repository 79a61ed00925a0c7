package org.hotline.routing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A partner's endpoint as a test runs it, on loopback: it verifies each request's Standard Webhooks signature with the
 * secrets it was told (written from the published algorithm, independently of routing's code), keeps every request,
 * and keeps each event once by {@code webhook-id}, in the order first received. It answers what {@link #answer} says.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    record Received(String webhookId, String timestamp, String signatures, String contentType, String body,
            List<String> verifiedWith) {
    }

    private final HttpServer server;
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Received> events = new LinkedHashMap<>();
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private volatile IntSupplier answer = () -> 200;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/hotline";
    }

    /** A secret (whsec_...) the receiver verifies with, under a name for the assertions. */
    synchronized void trust(String name, String secret) {
        secrets.put(name, secret);
    }

    void answer(IntSupplier status) {
        this.answer = status;
    }

    List<Received> requests() {
        return List.copyOf(requests);
    }

    /** The events, each once (repeats dropped by webhook-id), in the order first received. */
    synchronized List<Received> events() {
        return new ArrayList<>(events.values());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            Received received = new Received(id, timestamp, signatures,
                    exchange.getRequestHeaders().getFirst("content-type"), body, verify(id, timestamp, signatures,
                    body));
            requests.add(received);
            int status = answer.getAsInt();
            if (status / 100 == 2 && !received.verifiedWith().isEmpty()) {
                synchronized (this) {
                    events.putIfAbsent(id, received);
                }
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    /** Names of the trusted secrets whose signature is among the header's. */
    private synchronized List<String> verify(String id, String timestamp, String header, String body) {
        List<String> verified = new ArrayList<>();
        if (id == null || timestamp == null || header == null) {
            return verified;
        }
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            byte[] expected = hmac(secret.getValue(), id + "." + timestamp + "." + body);
            for (String signature : header.split(" ")) {
                if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(signature.substring(3)))) {
                    verified.add(secret.getKey());
                }
            }
        }
        return verified;
    }

    private static byte[] hmac(String whsec, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(whsec.substring("whsec_".length())), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
