package org.hotline.routing.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import org.hotline.platform.SafeThrowables;
import org.jboss.logging.Logger;

/** Runs the {@link EscalationSweep} every {@code hotline.routing.escalation.every}; never two at once per instance. */
@ApplicationScoped
public class EscalationSweepJob {

    private static final Logger LOG = Logger.getLogger(EscalationSweepJob.class);

    private final EscalationSweep sweep;

    public EscalationSweepJob(EscalationSweep sweep) {
        this.sweep = sweep;
    }

    @Scheduled(identity = "routing-escalation-sweep", every = "${hotline.routing.escalation.every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            sweep.sweep();
        } catch (RuntimeException e) {
            // Nothing was half-done (each batch is one transaction); the next run retries.
            LOG.warnf("Escalation sweep failed, will retry: %s", SafeThrowables.describe(e));
        }
    }
}
