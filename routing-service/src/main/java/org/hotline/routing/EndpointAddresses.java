package org.hotline.routing;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which IP addresses a partner webhook may be delivered to (server-side request forgery): only public unicast
 * addresses. Refused: loopback (unless the local run allows it), private (RFC 1918), carrier-grade NAT, link-local
 * (which holds the cloud metadata address 169.254.169.254), unique-local IPv6 (which holds AWS's fd00:ec2::254),
 * multicast, unspecified, documentation, benchmarking and reserved ranges. IPv6 forms that embed an IPv4 address
 * (IPv4-mapped, NAT64, 6to4) are judged by the embedded address; IPv4-compatible and Teredo forms are refused.
 */
public final class EndpointAddresses {

    private record Range(byte[] network, int prefix, String kind) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private static final String METADATA = "a cloud metadata address";

    private static final List<Range> IPV4 = List.of(
            range("169.254.169.254", 32, METADATA),
            range("0.0.0.0", 8, "an unspecified address"),
            range("10.0.0.0", 8, "a private address"),
            range("100.64.0.0", 10, "a carrier-grade NAT address"),
            range("127.0.0.0", 8, "a loopback address"),
            range("169.254.0.0", 16, "a link-local address"),
            range("172.16.0.0", 12, "a private address"),
            range("192.0.0.0", 24, "a reserved address"),
            range("192.0.2.0", 24, "a documentation address"),
            range("192.88.99.0", 24, "a reserved address"),
            range("192.168.0.0", 16, "a private address"),
            range("198.18.0.0", 15, "a benchmarking address"),
            range("198.51.100.0", 24, "a documentation address"),
            range("203.0.113.0", 24, "a documentation address"),
            range("224.0.0.0", 4, "a multicast address"),
            range("240.0.0.0", 4, "a reserved address"));

    private static final List<Range> IPV6 = List.of(
            range("fd00:ec2::254", 128, METADATA),
            range("::1", 128, "a loopback address"),
            range("::", 96, "an unspecified or IPv4-compatible address"),
            range("64:ff9b:1::", 48, "a local NAT64 address"),
            range("100::", 64, "a discard address"),
            range("2001::", 32, "a Teredo address"),
            range("2001:db8::", 32, "a documentation address"),
            range("fc00::", 7, "a unique-local address"),
            range("fe80::", 10, "a link-local address"),
            range("fec0::", 10, "a site-local address"),
            range("ff00::", 8, "a multicast address"));

    private static final Range IPV4_MAPPED = range("::ffff:0:0", 96, "");
    private static final Range NAT64 = range("64:ff9b::", 96, "");
    private static final Range SIX_TO_FOUR = range("2002::", 16, "");

    private EndpointAddresses() {
    }

    /**
     * Why a delivery must not go to this address ("a private address"), or empty when it may.
     *
     * @param allowLoopback the local run's switch: loopback addresses may then be used
     */
    public static Optional<String> refusal(InetAddress address, boolean allowLoopback) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            if (IPV4_MAPPED.contains(bytes) || NAT64.contains(bytes)) {
                return refusalOfIpv4(slice(bytes, 12), allowLoopback);
            }
            if (SIX_TO_FOUR.contains(bytes)) {
                return refusalOfIpv4(slice(bytes, 2), allowLoopback);
            }
            if (allowLoopback && address.isLoopbackAddress()) {
                return Optional.empty();
            }
            return firstMatch(IPV6, bytes);
        }
        return refusalOfIpv4(bytes, allowLoopback);
    }

    /** Whether the address is a loopback address (127/8, ::1, or an IPv4-mapped 127/8). */
    public static boolean isLoopback(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && IPV4_MAPPED.contains(bytes)) {
            return slice(bytes, 12)[0] == 127;
        }
        return address.isLoopbackAddress();
    }

    private static Optional<String> refusalOfIpv4(byte[] bytes, boolean allowLoopback) {
        if (allowLoopback && bytes[0] == 127) {
            return Optional.empty();
        }
        return firstMatch(IPV4, bytes);
    }

    private static Optional<String> firstMatch(List<Range> ranges, byte[] bytes) {
        return ranges.stream().filter(r -> r.contains(bytes)).map(Range::kind).findFirst();
    }

    private static byte[] slice(byte[] bytes, int from) {
        byte[] ipv4 = new byte[4];
        System.arraycopy(bytes, from, ipv4, 0, 4);
        return ipv4;
    }

    private static Range range(String literal, int prefix, String kind) {
        try {
            InetAddress address = InetAddress.getByName(literal);
            byte[] bytes = address.getAddress();
            if (literal.contains(":") && address instanceof Inet4Address) {
                // Java turns ::ffff:a.b.c.d into an IPv4 address; build the 16 bytes of the IPv6 form instead.
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                bytes = mapped;
            }
            return new Range(bytes, prefix, kind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an address literal: " + literal, e);
        }
    }
}
