package org.hotline.console.rest;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Security headers on every answer: the pages load scripts and styles from the console only and cannot be framed;
 * forms may post to the console and be redirected to the sign-in service (Chrome applies form-action to a form's
 * redirects, so signing out, or posting after the session ended, goes to Keycloak). Pages are never cached: they show
 * personal data or the person's work; only the style sheet is.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final String policy;

    @Inject
    public SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        URI server = URI.create(authServerUrl);
        String signIn = server.getScheme() + "://" + server.getRawAuthority();
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "object-src 'none'; base-uri 'none'; form-action 'self' " + signIn + "; frame-ancestors 'none'";
    }

    void install(@Observes Router router) {
        // First of all routes, and added when the answer's headers are written, so that redirects to sign-in and
        // error answers get them too.
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(ignored -> headers(context));
            context.next();
        });
    }

    private void headers(RoutingContext context) {
        var headers = context.response().headers();
        headers.set("Content-Security-Policy", policy);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        if (!context.request().path().equals("/console.css")) {
            headers.set("Cache-Control", "no-store");
        }
    }
}
