package org.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointAddressesTest {

    @ParameterizedTest
    @CsvSource({
            "10.1.2.3, a private address",
            "172.16.0.1, a private address",
            "172.31.255.255, a private address",
            "192.168.10.20, a private address",
            "127.0.0.1, a loopback address",
            "127.8.9.10, a loopback address",
            "::1, a loopback address",
            "169.254.169.254, a cloud metadata address",
            "169.254.10.1, a link-local address",
            "fe80::1, a link-local address",
            "fd00:ec2::254, a cloud metadata address",
            "fd12:3456::1, a unique-local address",
            "fc00::1, a unique-local address",
            "100.64.0.1, a carrier-grade NAT address",
            "100.127.255.254, a carrier-grade NAT address",
            "224.0.0.251, a multicast address",
            "ff02::1, a multicast address",
            "0.0.0.0, an unspecified address",
            "::, an unspecified or IPv4-compatible address",
            "255.255.255.255, a reserved address",
            "192.0.2.10, a documentation address",
            "2001:db8::1, a documentation address",
            "198.18.0.1, a benchmarking address",
            // IPv6 forms that embed an IPv4 address are judged by it.
            "::ffff:10.0.0.1, a private address",
            "::ffff:169.254.169.254, a cloud metadata address",
            "64:ff9b::a00:1, a private address",
            "2002:a9fe:a9fe::1, a cloud metadata address",
            "2001:0:4136:e378::1, a Teredo address"
    })
    void refusesInnerAddresses(String literal, String reason) throws Exception {
        assertThat(EndpointAddresses.refusal(InetAddress.getByName(literal), false)).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
            "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8", "64:ff9b::808:808"})
    void admitsPublicAddresses(String literal) throws Exception {
        assertThat(EndpointAddresses.refusal(InetAddress.getByName(literal), false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "::ffff:127.0.0.1"})
    void loopbackOnlyWhenAllowed(String literal) throws Exception {
        InetAddress address = InetAddress.getByName(literal);
        assertThat(EndpointAddresses.refusal(address, false)).isPresent();
        assertThat(EndpointAddresses.refusal(address, true)).isEmpty();
        assertThat(EndpointAddresses.isLoopback(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "169.254.169.254", "fd00:ec2::254", "192.168.1.1"})
    void allowingLoopbackAllowsNothingElse(String literal) throws Exception {
        assertThat(EndpointAddresses.refusal(InetAddress.getByName(literal), true)).isPresent();
    }
}
