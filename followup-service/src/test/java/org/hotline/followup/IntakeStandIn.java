package org.hotline.followup;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for intake-service on a free loopback port: {@code GET /api/v1/contacts/{reference}}, so a browser test
 * can follow the dashboard's contact links ({@code hotline.followup.intake-url}); {@code GET /api/v1/contacts/unrouted},
 * which answers {@link #UNROUTED} contacts to a caller with a bearer token; and
 * {@code POST /api/v1/contacts/{reference}/notes}, which records each note with the token it came with
 * ({@code quarkus.rest-client.intake.url}), so a test can see what followup handed to intake.
 */
public class IntakeStandIn implements QuarkusTestResourceLifecycleManager {

    private static final String CONTACTS = "/api/v1/contacts/";
    /** How many contacts the stand-in says could not be routed. */
    static final int UNROUTED = 2;
    private static volatile String baseUrl;
    private static final java.util.List<String[]> NOTES = new java.util.concurrent.CopyOnWriteArrayList<>();

    private HttpServer server;

    /** Each note received, as {reference, Authorization header, JSON body}. */
    static java.util.List<String[]> notes() {
        return java.util.List.copyOf(NOTES);
    }

    /** Where the stand-in listens, e.g. {@code http://localhost:40123}. */
    static String baseUrl() {
        return baseUrl;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the intake stand-in", e);
        }
        server.createContext(CONTACTS, IntakeStandIn::contact);
        server.start();
        baseUrl = "http://localhost:" + server.getAddress().getPort();
        return Map.of("hotline.followup.intake-url", baseUrl, "quarkus.rest-client.intake.url", baseUrl);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void contact(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(CONTACTS.length());
        if (exchange.getRequestMethod().equals("POST") && path.endsWith("/notes")) {
            NOTES.add(new String[] {path.substring(0, path.length() - "/notes".length()),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
            return;
        }
        String reference = path;
        if (reference.equals("unrouted")) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            boolean bearer = authorization != null && authorization.startsWith("Bearer ");
            answer(exchange, bearer ? 200 : 401, bearer ? "{\"count\":" + UNROUTED
                    + ",\"afterSeconds\":60,\"oldestAcceptedAt\":\"2026-12-03T12:00:00Z\"}" : "{\"status\":401}");
            return;
        }
        boolean known = reference.matches("[A-Z]+-[0-9A-Z]{10}");
        answer(exchange, known ? 200 : 404, known ? "{\"reference\":\"" + reference + "\"}" : "{\"status\":404}");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
