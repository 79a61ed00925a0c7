package org.hotline.routing.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import org.hotline.platform.SafeThrowables;
import org.jboss.logging.Logger;

/**
 * Polls for webhook deliveries every {@code hotline.routing.webhooks.poll-every}, and purges the deliveries log and
 * delivered events past the retention every {@code hotline.routing.webhooks.purge-every}.
 */
@ApplicationScoped
public class WebhookDeliveryJob {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveryJob.class);

    private final WebhookDispatcher dispatcher;
    private final WebhookPurge purge;

    public WebhookDeliveryJob(WebhookDispatcher dispatcher, WebhookPurge purge) {
        this.dispatcher = dispatcher;
        this.purge = purge;
    }

    @Scheduled(identity = "routing-webhook-delivery", every = "${hotline.routing.webhooks.poll-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            dispatcher.poll();
        } catch (RuntimeException e) {
            LOG.warnf("Webhook poll failed, will retry: %s", SafeThrowables.describe(e));
        }
    }

    @Scheduled(identity = "routing-webhook-purge", every = "${hotline.routing.webhooks.purge-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        try {
            purge.purge();
        } catch (RuntimeException e) {
            LOG.warnf("Webhook purge failed, will retry: %s", SafeThrowables.describe(e));
        }
    }
}
