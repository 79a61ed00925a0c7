package org.hotline.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint of a service × every caller: no token, and a token of each role. An endpoint's allowed callers must
 * get past security (neither 401 nor 403), every other caller must be stopped (401 without a token, 403 with the wrong
 * role). The matrix must also list exactly the operations the service's OpenAPI document declares, so a new endpoint
 * cannot slip in unlisted.
 */
public final class AuthorizationMatrix {

    /** The callers: {@code anonymous} has no token; a partner token belongs to an arbitrary organisation. */
    public static final List<String> CALLERS = List.of("anonymous", "agent", "supervisor", "partner", "admin");
    /** Allowed callers of a public endpoint. */
    public static final Set<String> PUBLIC = Set.copyOf(CALLERS);

    private static final UUID SOME_PARTNER = UUID.fromString("00000000-0000-0000-0000-00000000ab01");

    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

    /** One operation: method, path (as OpenAPI spells it, path parameters filled in for the call), allowed callers. */
    public record Endpoint(String method, String openApiPath, String path, Set<String> allowed,
            UnaryOperator<RequestSpecification> request) {
    }

    public AuthorizationMatrix endpoint(String method, String openApiPath, String path, Set<String> allowed) {
        return endpoint(method, openApiPath, path, allowed, r -> r);
    }

    /** With a request customiser (a body, a header, a form token) so that allowed callers make a real request. */
    public AuthorizationMatrix endpoint(String method, String openApiPath, String path, Set<String> allowed,
            UnaryOperator<RequestSpecification> request) {
        for (String caller : allowed) {
            if (!CALLERS.contains(caller)) {
                throw new IllegalArgumentException("Unknown caller " + caller);
            }
        }
        endpoints.put(method + " " + openApiPath, new Endpoint(method, openApiPath, path, Set.copyOf(allowed),
                request));
        return this;
    }

    /**
     * The operations the platform gives every service, administrators only: the outbox rows set aside (list, re-queue
     * one, re-queue all) and the dead-letter redrive. Four operations.
     */
    public AuthorizationMatrix platformAdministration() {
        Set<String> admin = Set.of("admin");
        return endpoint("GET", "/api/v1/admin/outbox/set-aside", "/api/v1/admin/outbox/set-aside", admin)
                .endpoint("POST", "/api/v1/admin/outbox/set-aside/{id}/requeue",
                        "/api/v1/admin/outbox/set-aside/0/requeue", admin)
                .endpoint("POST", "/api/v1/admin/outbox/set-aside/requeue", "/api/v1/admin/outbox/set-aside/requeue",
                        admin)
                .endpoint("POST", "/api/v1/admin/dead-letters/redrive", "/api/v1/admin/dead-letters/redrive", admin);
    }

    /** Runs every endpoint for every caller; returns the number of calls made. Fails listing every violation. */
    public int verify() {
        List<String> violations = new ArrayList<>();
        int calls = 0;
        for (Endpoint endpoint : endpoints.values()) {
            for (String caller : CALLERS) {
                RequestSpecification request = endpoint.request().apply(withCaller(given().redirects().follow(false),
                        caller));
                int status = request.request(endpoint.method(), endpoint.path()).statusCode();
                calls++;
                boolean allowed = endpoint.allowed().contains(caller);
                if (allowed && (status == 401 || status == 403)) {
                    violations.add(endpoint.method() + " " + endpoint.path() + " as " + caller + ": " + status
                            + ", expected to be let through");
                } else if (!allowed && status != (caller.equals("anonymous") ? 401 : 403)) {
                    violations.add(endpoint.method() + " " + endpoint.path() + " as " + caller + ": " + status
                            + ", expected " + (caller.equals("anonymous") ? 401 : 403));
                }
            }
        }
        assertThat(violations).as("authorisation violations").isEmpty();
        return calls;
    }

    /** Asserts the matrix lists exactly the operations of the service's OpenAPI document. */
    public void coversOpenApi() throws Exception {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        JsonNode paths = new ObjectMapper().readTree(document).path("paths");
        Set<String> declared = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                    declared.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertThat(new TreeSet<>(endpoints.keySet())).as("operations in the matrix vs the OpenAPI document")
                .isEqualTo(declared);
    }

    /**
     * Asserts the module's README endpoint table ({@link ReadmeEndpoints}) lists exactly these operations, each with
     * exactly these callers: with {@link #coversOpenApi()} and {@link #verify()}, the README says what the service
     * does. Removing a row, or a role from one, fails the test that calls this.
     */
    public void matchesReadme(Path readme) {
        Map<String, Set<String>> expected = new java.util.TreeMap<>();
        endpoints.forEach((key, endpoint) -> expected.put(key, new TreeSet<>(endpoint.allowed())));
        Map<String, Set<String>> documented = new java.util.TreeMap<>();
        ReadmeEndpoints.read(readme).forEach((key, callers) -> documented.put(key, new TreeSet<>(callers)));
        assertThat(documented).as("the endpoint table of " + readme + " (| endpoint | roles |) vs the service")
                .isEqualTo(expected);
    }

    /** A request as the given caller. */
    public static RequestSpecification withCaller(RequestSpecification request, String caller) {
        return switch (caller) {
            case "anonymous" -> request;
            case "partner" -> request.auth().oauth2(TestTokens.partner(SOME_PARTNER));
            default -> request.auth().oauth2(TestTokens.forRole(caller));
        };
    }

    /** A JSON body, for POST and PUT endpoints. */
    public static UnaryOperator<RequestSpecification> json(String body) {
        return r -> r.contentType(ContentType.JSON).body(body);
    }
}
