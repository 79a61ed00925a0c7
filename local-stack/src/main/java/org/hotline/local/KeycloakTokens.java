package org.hotline.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Access tokens from Keycloak for API scripting and tests: the demo user of a role signs in through the realm's
 * public {@code hotline-cli} client (resource-owner password grant, enabled for that client only). The token is a
 * real Keycloak token, verified by the services exactly as the console's are.
 */
public final class KeycloakTokens {

    public static final String CLI_CLIENT = "hotline-cli";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final String tokenUrl;
    private final IdentitySecrets secrets;

    public KeycloakTokens(String tokenUrl, IdentitySecrets secrets) {
        this.tokenUrl = tokenUrl;
        this.secrets = secrets;
    }

    /** A token of the demo user whose name is {@code role}. */
    public String forRole(String role) {
        String form = "grant_type=password&client_id=" + CLI_CLIENT + "&scope=openid"
                + "&username=" + URLEncoder.encode(role, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(secrets.password(role), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(answer.body());
            if (answer.statusCode() != 200 || !token.find()) {
                // Keycloak's error names the reason (invalid_grant...), never the password.
                throw new IllegalStateException("Keycloak refused a token for " + role + " (" + answer.statusCode()
                        + "): " + answer.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + tokenUrl + ": is ./run-local.sh running?",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
