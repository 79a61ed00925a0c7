package org.hotline.followup.rest;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hotline.platform.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The token cookie exists so that a browser can open {@code /dashboard}; a browser also sends it with a request that
 * another site's page forges. Changes (completion, closures) therefore need the token in the {@code Authorization}
 * header, which no cross-site page can set: a request that changes something and carries the cookie but no header is
 * refused with 403, before it reaches the resource.
 */
public class CookieTokenWriteGuard {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final String cookieName;

    public CookieTokenWriteGuard(@ConfigProperty(name = "mp.jwt.token.cookie") String cookieName) {
        this.cookieName = cookieName;
    }

    @ServerRequestFilter
    public Optional<Response> refuseCookieOnlyChanges(ContainerRequestContext request) {
        if (READS.contains(request.getMethod()) || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || !request.getCookies().containsKey(cookieName)) {
            return Optional.empty();
        }
        Problem problem = new Problem(Problem.type("token-header-required"), "Forbidden", 403,
                "Changes need the bearer token in the Authorization header; the token cookie is accepted for reading"
                        + " only", request.getUriInfo().getPath(), List.of());
        return Optional.of(Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build());
    }
}
