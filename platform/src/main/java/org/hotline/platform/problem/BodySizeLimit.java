package org.hotline.platform.problem;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.hotline.platform.config.PlatformConfig;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Refuses a body larger than {@code hotline.http.max-body-size} with 413 problem+json, before reading any of it. */
public class BodySizeLimit {

    private final long maxBytes;

    public BodySizeLimit(PlatformConfig config) {
        this.maxBytes = config.http().maxBodySize().asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseOversizedBodies(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return Optional.empty();
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (bytes <= maxBytes) {
            return Optional.empty();
        }
        Problem problem = new Problem(Problem.type("payload-too-large"), "Payload too large", 413,
                "The body has " + bytes + " bytes; at most " + maxBytes + " are accepted",
                request.getUriInfo().getPath(), List.of());
        return Optional.of(Response.status(413).type(Problem.MEDIA_TYPE).entity(problem).build());
    }
}
