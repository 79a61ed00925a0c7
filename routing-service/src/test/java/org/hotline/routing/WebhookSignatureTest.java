package org.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks specification and its reference libraries. */
    @Test
    void matchesTheStandardWebhooksExample() {
        WebhookSecret secret = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}")).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void signsWithEverySecretSpaceSeparatedCurrentFirst() {
        SecureRandom random = new SecureRandom();
        WebhookSecret current = WebhookSecret.generate(random);
        WebhookSecret previous = WebhookSecret.generate(random);
        String header = WebhookSignature.header(List.of(current, previous), "id-1", 1700000000, "{}");
        assertThat(header.split(" ")).containsExactly(WebhookSignature.sign(current, "id-1", 1700000000, "{}"),
                WebhookSignature.sign(previous, "id-1", 1700000000, "{}"));
        assertThat(header.split(" ")[0]).isNotEqualTo(header.split(" ")[1]);
    }

    @Test
    void secretsAreWhsecAndThirtyTwoRandomBytes() {
        WebhookSecret secret = WebhookSecret.generate(new SecureRandom());
        assertThat(secret.encoded()).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.encoded().substring(6))).hasSize(32);
        assertThat(WebhookSecret.parse(secret.encoded())).isEqualTo(secret);
        assertThat(secret.toString()).doesNotContain(secret.encoded().substring(6));
        assertThatThrownBy(() -> WebhookSecret.parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
