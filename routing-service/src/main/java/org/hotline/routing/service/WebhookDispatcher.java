package org.hotline.routing.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import org.hotline.platform.SafeThrowables;
import org.hotline.routing.DeliveryResult;
import org.hotline.routing.PartnerEvent;
import org.hotline.routing.RetrySchedule;
import org.hotline.routing.WebhookDelivery;
import org.hotline.routing.WebhookSecret;
import org.hotline.routing.WebhookSubscription;
import org.hotline.routing.config.RoutingConfig;
import org.hotline.routing.repository.PartnerEventRepository;
import org.hotline.routing.repository.WebhookSubscriptionRepository;
import org.jboss.logging.Logger;

/**
 * Delivers each subscription's events in commit order, one at a time: the first undelivered event is retried (backoff
 * with jitter, {@link RetrySchedule}) and holds back the later ones until it is delivered, so a partner receives its
 * events in order, each until it answers 2xx (at least once: receivers drop repeats by {@code webhook-id}).
 *
 * <p>A poll leases due subscriptions ({@code FOR UPDATE SKIP LOCKED} in a short transaction, so two instances never
 * deliver for the same subscription at once) and hands each to a bounded pool of its own: a slow or dead endpoint
 * holds one worker for at most the timeout per attempt, never the others. No transaction is open during an HTTP call;
 * each attempt's result (cursor, retry state, deliveries log row) is written in a short transaction that checks the
 * lease is still held. After the retry horizon a subscription is FAILING ({@code hotline.webhooks.failing}); it keeps
 * being retried at the longest interval and resumes where it stopped. 410 Gone disables it. Started eagerly, so the
 * metrics are exported before the first delivery.
 */
@Startup
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final WebhookSubscriptionRepository subscriptions;
    private final PartnerEventRepository events;
    private final WebhookSecrets secrets;
    private final WebhookSender sender;
    private final EntityManager entityManager;
    private final Clock clock;
    private final RetrySchedule retries;
    private final Duration lease;
    private final int concurrency;
    private final int batchSize;
    private final ExecutorService workers;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong failing = new AtomicLong();
    private volatile boolean stopping;
    private final Map<WebhookDelivery.Outcome, Counter> outcomes;

    public WebhookDispatcher(WebhookSubscriptionRepository subscriptions, PartnerEventRepository events,
            WebhookSecrets secrets, WebhookSender sender, EntityManager entityManager, Clock clock,
            RoutingConfig config, MeterRegistry registry) {
        RoutingConfig.Webhooks webhooks = config.webhooks();
        if (webhooks.concurrency() < 1 || webhooks.batchSize() < 1) {
            throw new IllegalArgumentException("hotline.routing.webhooks.concurrency and batch-size must be at least 1");
        }
        if (webhooks.lease().compareTo(webhooks.timeout().multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("hotline.routing.webhooks.lease must be at least twice the timeout");
        }
        this.subscriptions = subscriptions;
        this.events = events;
        this.secrets = secrets;
        this.sender = sender;
        this.entityManager = entityManager;
        this.clock = clock;
        this.retries = new RetrySchedule(webhooks.retry().initialInterval(), webhooks.retry().maxInterval(),
                webhooks.retry().horizon());
        this.lease = webhooks.lease();
        this.concurrency = webhooks.concurrency();
        this.batchSize = webhooks.batchSize();
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "hotline-webhook-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Gauge.builder("hotline.webhooks.failing", failing, AtomicLong::get)
                .description("Webhook subscriptions whose oldest undelivered event has failed beyond the retry horizon")
                .register(registry);
        this.outcomes = new java.util.EnumMap<>(WebhookDelivery.Outcome.class);
        for (WebhookDelivery.Outcome outcome : WebhookDelivery.Outcome.values()) {
            outcomes.put(outcome, Counter.builder("hotline.webhooks.deliveries").tag("outcome", outcome.name())
                    .description("Webhook delivery attempts by outcome").register(registry));
        }
    }

    /** From shutdown on, no new poll starts (the database may already be going away). */
    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @PreDestroy
    void stop() {
        stopping = true;
        workers.shutdownNow();
    }

    /**
     * Leases the due subscriptions this instance has room for and starts delivering them; returns how many.
     * Synchronized: the scheduled poll and a commit's wake ({@link WebhookWake}) must not both count the same free
     * workers and lease more subscriptions than there are workers to deliver them within their lease.
     */
    public synchronized int poll() {
        if (stopping) {
            return 0;
        }
        failing.set(QuarkusTransaction.requiringNew().call(subscriptions::countFailing));
        int free = concurrency - inFlight.get();
        if (free <= 0) {
            return 0;
        }
        UUID token = UUID.randomUUID();
        Instant now = now();
        List<UUID> leased = QuarkusTransaction.requiringNew()
                .call(() -> subscriptions.claimDue(now, free, token, now.plus(lease)));
        for (UUID id : leased) {
            inFlight.incrementAndGet();
            workers.execute(() -> {
                int delivered = 0;
                try {
                    delivered = deliver(id, token);
                } catch (RuntimeException e) {
                    // Nothing is half-written (each result is one transaction); the lease runs out and the next
                    // poll after it tries again.
                    LOG.warnf("Webhook delivery for subscription %s failed, will retry: %s", id,
                            SafeThrowables.describe(e));
                } finally {
                    inFlight.decrementAndGet();
                }
                if (delivered > 0) {
                    // Work-conserving: a worker that just delivered takes the next due subscription now rather than
                    // at the next scheduled poll, so under load the workers cycle through the subscriptions without
                    // idling (events logged by another instance wake no poll here). An idle lease does not re-poll.
                    try {
                        poll();
                    } catch (RuntimeException e) {
                        LOG.warnf("Webhook poll after a delivery failed; the scheduled poll will retry: %s",
                                SafeThrowables.describe(e));
                    }
                }
            });
        }
        return leased.size();
    }

    /** How many subscriptions this instance is delivering right now. */
    public int inFlight() {
        return inFlight.get();
    }

    private record Leased(WebhookSubscription subscription, List<WebhookSecret> secrets, List<PartnerEvent> batch) {
    }

    /** Delivers what the lease allows; returns how many events were delivered (0 when none, or on a failure). */
    private int deliver(UUID id, UUID token) {
        Leased leased = QuarkusTransaction.requiringNew().call(() -> {
            WebhookSubscription subscription = subscriptions.findById(id);
            if (subscription == null || subscription.status() == WebhookSubscription.Status.DISABLED) {
                return null;
            }
            entityManager.detach(subscription);
            return new Leased(subscription, secrets.signingSecrets(subscription, now()),
                    events.after(subscription.organizationId(), subscription.cursorTxid(), subscription.cursorSeq(),
                            batchSize));
        });
        if (leased == null) {
            return 0;
        }
        WebhookSubscription subscription = leased.subscription();
        int attempt = subscription.attempt();
        Instant failingSince = subscription.failingSince();
        int delivered = 0;
        for (PartnerEvent event : leased.batch()) {
            if (!subscription.eventTypes().contains(event.eventType())) {
                if (!QuarkusTransaction.requiringNew().call(() -> subscriptions.advance(id, token, event.feedTxid(),
                        event.seq(), now(), now().plus(lease)))) {
                    return delivered;
                }
                continue;
            }
            DeliveryResult result = sender.send(subscription.url(), event, leased.secrets());
            outcomes.get(result.outcome()).increment();
            int thisAttempt = attempt + 1;
            Instant since = failingSince == null ? result.attemptedAt() : failingSince;
            boolean kept = QuarkusTransaction.requiringNew()
                    .call(() -> record(subscription, token, event, thisAttempt, since, result));
            if (!kept || result.outcome() != WebhookDelivery.Outcome.DELIVERED) {
                return delivered;
            }
            delivered++;
            attempt = 0;
            failingSince = null;
        }
        // More may be waiting: due again at once, behind the subscriptions already in line.
        QuarkusTransaction.requiringNew().run(() -> subscriptions.release(id, token, now()));
        return delivered;
    }

    /** Writes one attempt's result; false when the lease was lost (or the subscription deleted or disabled). */
    private boolean record(WebhookSubscription subscription, UUID token, PartnerEvent event, int attempt,
            Instant failingSince, DeliveryResult result) {
        UUID id = subscription.id();
        Instant now = now();
        boolean kept = switch (result.outcome()) {
            case DELIVERED -> subscriptions.advance(id, token, event.feedTxid(), event.seq(), now, now.plus(lease));
            case GONE -> {
                boolean disabled = subscriptions.disable(id, token, "The endpoint answered 410 Gone", now);
                if (disabled) {
                    LOG.warnf("Webhook subscription %s of organisation %s disabled: its endpoint answered 410 Gone",
                            id, subscription.organizationId());
                }
                yield disabled;
            }
            case FAILED, REFUSED -> {
                boolean nowFailing = retries.failing(failingSince, now);
                Duration wait = retries.delay(attempt, nowFailing, () -> ThreadLocalRandom.current().nextDouble());
                boolean updated = subscriptions.retryLater(id, token, attempt, failingSince, nowFailing,
                        now.plus(wait), now);
                if (updated && nowFailing && subscription.status() != WebhookSubscription.Status.FAILING) {
                    LOG.warnf("Webhook subscription %s of organisation %s is failing: its oldest undelivered event has"
                            + " failed since %s; retrying every %s", id, subscription.organizationId(), failingSince,
                            retries.max());
                }
                yield updated;
            }
        };
        if (kept || entityManager.find(WebhookSubscription.class, id) != null) {
            entityManager.persist(new WebhookDelivery(id, event, attempt, false, result));
        }
        return kept;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
