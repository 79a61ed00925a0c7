package org.hotline.routing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,} + base64(HMAC-SHA256(secret bytes, "<webhook-id>.<webhook-timestamp>.<body>")),
 * one per valid secret, separated by spaces in the {@code webhook-signature} header (two during a rotation's
 * overlap, so a receiver holding either secret verifies).
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    /** The {@code webhook-signature} header value: one {@code v1,} signature per secret, current first. */
    public static String header(List<WebhookSecret> secrets, String webhookId, long timestampSeconds, String body) {
        return secrets.stream().map(secret -> sign(secret, webhookId, timestampSeconds, body))
                .collect(Collectors.joining(" "));
    }

    /** One {@code v1,<base64>} signature. */
    public static String sign(WebhookSecret secret, String webhookId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            byte[] digest = mac.doFinal((webhookId + "." + timestampSeconds + "." + body)
                    .getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
