package org.hotline.console.client;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Sends the signed-in person's own access token to the service, so each service decides what that person may do
 * (the console holds no service credentials of its own). The token is the one quarkus-oidc keeps in the session and
 * refreshes before it expires.
 */
public class AccessTokenPropagation implements ClientRequestFilter {

    private final SecurityIdentity identity;

    @Inject
    public AccessTokenPropagation(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Override
    public void filter(ClientRequestContext request) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            // Never call a service anonymously on someone's behalf: the page's own role check ran already.
            throw new IllegalStateException("No access token in the session");
        }
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
    }
}
