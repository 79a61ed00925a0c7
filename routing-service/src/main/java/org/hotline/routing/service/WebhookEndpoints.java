package org.hotline.routing.service;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline.routing.EndpointAddresses;
import org.hotline.routing.config.RoutingConfig;

/**
 * The rules for a webhook endpoint (server-side request forgery): an absolute {@code https} URL without credentials
 * or fragment whose host resolves only to public addresses; plain {@code http} and loopback addresses only when
 * {@code hotline.routing.webhooks.allow-loopback} is on (the local run, the tests) and then only to loopback. Checked
 * at registration and again before every connection, which then goes to the address checked, not to a new lookup.
 */
@ApplicationScoped
public class WebhookEndpoints {

    static final int MAX_URL_LENGTH = 2048;

    /** Looks a host up: all its addresses. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** An endpoint that passed: where to connect, and the URL whose host names the Host header and TLS SNI. */
    public record Target(URI url, InetAddress address, int port, boolean https) {
    }

    /** Why an endpoint was refused: said to the partner, never quoting the URL. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private final boolean allowLoopback;
    private final Resolver resolver;

    @Inject
    public WebhookEndpoints(RoutingConfig config) {
        this(config.webhooks().allowLoopback(), host -> List.of(InetAddress.getAllByName(host)));
    }

    public WebhookEndpoints(boolean allowLoopback, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
    }

    /** The URL if its form is acceptable (scheme, host, no credentials), without looking the host up. */
    public URI parse(String url) throws Refused {
        if (url == null || url.isBlank()) {
            throw new Refused("is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new Refused("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("must be an absolute https URL");
        }
        String scheme = Optional.ofNullable(uri.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        if (!scheme.equals("https") && !(scheme.equals("http") && allowLoopback)) {
            throw new Refused(allowLoopback ? "must be an https URL, or http to a loopback address"
                    : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty() || uri.isOpaque()) {
            throw new Refused("must be an absolute " + scheme + " URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("must not have a fragment");
        }
        return uri;
    }

    /** Parses, looks the host up and checks every address it resolves to; the first is the one to connect to. */
    public Target check(String url) throws Refused {
        URI uri = parse(url);
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("has a host that does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new Refused("has a host that does not resolve");
        }
        // Every address must pass: a host that also resolves to an inner address could be steered there.
        for (InetAddress address : addresses) {
            Optional<String> refusal = EndpointAddresses.refusal(address, allowLoopback);
            if (refusal.isPresent()) {
                throw new Refused("resolves to " + refusal.get() + ", which webhooks may not be sent to");
            }
            if (!https && !EndpointAddresses.isLoopback(address)) {
                throw new Refused("must be an https URL (plain http only to a loopback address)");
            }
        }
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        return new Target(uri, addresses.get(0), port, https);
    }
}
