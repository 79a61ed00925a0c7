package org.hotline.directory.hsds;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Whether the directory may fetch a dataset from an address (server-side request forgery): public unicast addresses
 * only. Refused: loopback (unless the local run allows it), private, carrier-grade NAT, link-local (with the cloud
 * metadata address 169.254.169.254), unique-local and site-local IPv6, multicast, unspecified and reserved addresses;
 * an IPv6 form embedding an IPv4 address (mapped, NAT64, 6to4) is judged by that address. (routing-service keeps the
 * fuller table its webhooks need in its own {@code EndpointAddresses}; the directory cannot depend on a service.)
 */
public final class PublicAddresses {

    private PublicAddresses() {
    }

    /** Why the address may not be fetched from, or empty when it may. */
    public static Optional<String> refusal(InetAddress address, boolean allowLoopback) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            boolean mapped = isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                    && (b[3] & 0xff) == 0x9b && isZero(b, 4, 12);
            if (mapped || nat64) {
                return ipv4(new byte[] {b[12], b[13], b[14], b[15]}, allowLoopback);
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return ipv4(new byte[] {b[2], b[3], b[4], b[5]}, allowLoopback);
            }
            if (address.isLoopbackAddress()) {
                return allowLoopback ? Optional.empty() : Optional.of("a loopback address");
            }
            if (isZero(b, 0, 16) || isZero(b, 0, 12)) {
                return Optional.of("an unspecified or IPv4-compatible address");
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("a unique-local address");
            }
            if (address.isLinkLocalAddress() || address.isSiteLocalAddress()) {
                return Optional.of("a link-local or site-local address");
            }
            if (address.isMulticastAddress()) {
                return Optional.of("a multicast address");
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return Optional.of("a documentation address");
            }
            return Optional.empty();
        }
        return address instanceof Inet4Address ? ipv4(b, allowLoopback) : Optional.of("an unknown kind of address");
    }

    private static Optional<String> ipv4(byte[] b, boolean allowLoopback) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 127) {
            return allowLoopback ? Optional.empty() : Optional.of("a loopback address");
        }
        if (first == 0) {
            return Optional.of("an unspecified address");
        }
        if (first == 10 || first == 172 && second >= 16 && second <= 31 || first == 192 && second == 168) {
            return Optional.of("a private address");
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return Optional.of("a carrier-grade NAT address");
        }
        if (first == 169 && second == 254) {
            return Optional.of("a link-local address (cloud metadata among them)");
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0 || first == 198 && (second == 18 || second == 19)) {
            return Optional.of("a reserved address");
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 2 || first == 198 && second == 51 && (b[2] & 0xff) == 100
                || first == 203 && second == 0 && (b[2] & 0xff) == 113) {
            return Optional.of("a documentation address");
        }
        if (first >= 224) {
            return Optional.of("a multicast or reserved address");
        }
        return Optional.empty();
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
