package org.hotline.routing.service;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hotline.platform.AfterCommit;
import org.hotline.platform.SafeThrowables;
import org.hotline.routing.repository.PartnerEventRepository;
import org.jboss.logging.Logger;

/**
 * Starts a webhook poll as soon as a transaction that logged a partner event commits, so that an urgent referral goes
 * out at once rather than at the next {@code hotline.routing.webhooks.poll-every} (which stays, for retries that fall
 * due and for events another instance logged). Deliveries only read events below the database's transaction horizon
 * (so none can later appear behind a cursor), and a transaction that began earlier may still be running when this
 * one commits: the wake waits, briefly, until the horizon has passed the committed transaction, then polls. Wakes are
 * coalesced: however many commits arrive while a poll is waiting to start, one poll runs, on a thread of its own,
 * never on the committing thread.
 */
@ApplicationScoped
public class WebhookWake {

    private static final Logger LOG = Logger.getLogger(WebhookWake.class);
    /** Marks a transaction whose commit already wakes the dispatcher. */
    private static final Object WAKE_REGISTERED = new Object();

    /** How long a wake waits for the horizon before leaving the event to the scheduled poll. */
    private static final Duration HORIZON_PATIENCE = Duration.ofSeconds(10);
    private static final long HORIZON_CHECK_MILLIS = 20;

    private final TransactionSynchronizationRegistry transactions;
    private final WebhookDispatcher dispatcher;
    private final PartnerEventRepository events;
    private final AtomicBoolean queued = new AtomicBoolean();
    /** The newest committed transaction that logged a partner event: a wake's poll waits until it is visible. */
    private final AtomicLong awaited = new AtomicLong();
    private final ExecutorService poller = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "hotline-webhook-wake");
        thread.setDaemon(true);
        return thread;
    });

    public WebhookWake(TransactionSynchronizationRegistry transactions, WebhookDispatcher dispatcher,
            PartnerEventRepository events) {
        this.transactions = transactions;
        this.dispatcher = dispatcher;
        this.events = events;
    }

    /** Called inside the transaction {@code txid} that logs a partner event: once it commits, a poll starts. */
    public void afterCommit(long txid) {
        AfterCommit.once(transactions, WAKE_REGISTERED, () -> {
            awaited.accumulateAndGet(txid, Math::max);
            wake();
        });
    }

    void wake() {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            poller.execute(() -> {
                queued.set(false);
                try {
                    awaitHorizonPast(awaited.get());
                    dispatcher.poll();
                } catch (RuntimeException e) {
                    LOG.warnf("Webhook poll on commit failed; the scheduled poll will retry: %s",
                            SafeThrowables.describe(e));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            queued.set(false); // shutting down: the next start's poll picks the event up
        }
    }

    private void awaitHorizonPast(long txid) {
        long giveUp = System.nanoTime() + HORIZON_PATIENCE.toNanos();
        while (QuarkusTransaction.requiringNew().call(events::currentHorizon) <= txid) {
            if (System.nanoTime() > giveUp) {
                return; // a long transaction holds the horizon back: the scheduled poll will deliver
            }
            try {
                Thread.sleep(HORIZON_CHECK_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
    }
}
