package org.hotline.routing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The endpoint rules with a fixed resolver (no DNS): scheme, form, and every resolved address. */
class WebhookEndpointsTest {

    private static final Map<String, List<String>> DNS = Map.of(
            "partner.example", List.of("93.184.215.14"),
            "rebinding.example", List.of("93.184.215.14", "10.0.0.7"),
            "metadata.example", List.of("169.254.169.254"),
            "aws6.example", List.of("fd00:ec2::254"),
            "localhost", List.of("127.0.0.1", "::1"));

    private static List<InetAddress> resolve(String host) throws UnknownHostException {
        List<String> literals = DNS.get(host);
        if (literals == null) {
            if (Character.isDigit(host.charAt(0)) || host.contains(":")) {
                return List.of(InetAddress.getByName(host));
            }
            throw new UnknownHostException("no such host");
        }
        List<InetAddress> addresses = new java.util.ArrayList<>();
        for (String literal : literals) {
            addresses.add(InetAddress.getByName(literal));
        }
        return addresses;
    }

    private final WebhookEndpoints production = new WebhookEndpoints(false, WebhookEndpointsTest::resolve);
    private final WebhookEndpoints localRun = new WebhookEndpoints(true, WebhookEndpointsTest::resolve);

    @Test
    void anHttpsEndpointOnAPublicAddressPassesAndConnectsToTheCheckedAddress() throws Exception {
        WebhookEndpoints.Target target = production.check("https://partner.example/hooks/hotline?x=1");
        assertThat(target.address().getHostAddress()).isEqualTo("93.184.215.14");
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.https()).isTrue();
        assertThat(target.url().getHost()).isEqualTo("partner.example");
        assertThat(production.check("https://partner.example:8443/").port()).isEqualTo(8443);
    }

    @Test
    void refusesByReasonNeverQuotingTheUrl() {
        assertRefused(production, "http://partner.example/hook", "must be an https URL");
        assertRefused(production, "https://10.0.0.1/hook", "resolves to a private address");
        assertRefused(production, "https://rebinding.example/hook", "resolves to a private address");
        assertRefused(production, "https://metadata.example/latest/meta-data", "a cloud metadata address");
        assertRefused(production, "https://169.254.169.254/latest/meta-data", "a cloud metadata address");
        assertRefused(production, "https://aws6.example/", "a cloud metadata address");
        assertRefused(production, "https://[fd00:ec2::254]/", "a cloud metadata address");
        assertRefused(production, "https://[::ffff:192.168.0.1]/", "a private address");
        assertRefused(production, "https://100.64.1.1/", "a carrier-grade NAT address");
        assertRefused(production, "https://localhost/", "a loopback address");
        assertRefused(production, "https://127.0.0.1:8443/", "a loopback address");
        assertRefused(production, "https://nowhere.example/", "does not resolve");
        assertRefused(production, "https://user:pass@partner.example/", "must not carry credentials");
        assertRefused(production, "https://partner.example/#frag", "must not have a fragment");
        assertRefused(production, "partner.example/hook", "must be an https URL");
        assertRefused(production, "ftp://partner.example/", "must be an https URL");
        assertRefused(production, " ", "is required");
        assertRefused(production, "https://partner.example/" + "a".repeat(2100), "at most 2048");
    }

    @Test
    void theLocalRunAllowsLoopbackAndPlainHttpOnlyToLoopback() throws Exception {
        assertThat(localRun.check("http://127.0.0.1:9999/hook").https()).isFalse();
        assertThat(localRun.check("http://localhost:9999/hook").address().isLoopbackAddress()).isTrue();
        assertThat(localRun.check("https://localhost/hook").https()).isTrue();
        assertRefused(localRun, "http://partner.example/hook", "plain http only to a loopback address");
        assertRefused(localRun, "http://10.0.0.1/hook", "a private address");
        assertRefused(localRun, "https://metadata.example/", "a cloud metadata address");
    }

    private static void assertRefused(WebhookEndpoints endpoints, String url, String reason) {
        assertThatThrownBy(() -> endpoints.check(url))
                .isInstanceOf(WebhookEndpoints.Refused.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("example", "169.254", "user"));
    }
}
