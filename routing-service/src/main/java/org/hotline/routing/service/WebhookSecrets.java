package org.hotline.routing.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotline.routing.WebhookSecret;
import org.hotline.routing.WebhookSubscription;

/** A subscription's signing secrets, unsealed for one delivery: the current one, and the previous during the overlap. */
@ApplicationScoped
public class WebhookSecrets {

    static final String CURRENT = "current";
    static final String PREVIOUS = "previous";

    private final WebhookSecretSealer sealer;

    public WebhookSecrets(WebhookSecretSealer sealer) {
        this.sealer = sealer;
    }

    public List<WebhookSecret> signingSecrets(WebhookSubscription subscription, Instant now) {
        List<WebhookSecret> secrets = new ArrayList<>(2);
        secrets.add(current(subscription));
        byte[] previous = subscription.previousSecretSealed(now);
        if (previous != null) {
            secrets.add(sealer.open(subscription.kekId(), subscription.id(), PREVIOUS, previous));
        }
        return secrets;
    }

    public WebhookSecret current(WebhookSubscription subscription) {
        return sealer.open(subscription.kekId(), subscription.id(), CURRENT, subscription.secretSealed());
    }
}
