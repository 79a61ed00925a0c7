package org.hotline.platform.rest;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The address a request came from, as the limits count it. With {@code quarkus.http.proxy.proxy-address-forwarding}
 * on, Quarkus puts the client address from {@code Forwarded} / {@code X-Forwarded-For} here (set
 * {@code quarkus.http.proxy.trusted-proxies} so only your proxies may say so); off, a forwarding header is ignored
 * and the peer's address counts.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        SocketAddress address = request.remoteAddress();
        return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
    }
}
