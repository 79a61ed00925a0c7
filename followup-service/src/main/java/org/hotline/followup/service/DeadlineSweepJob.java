package org.hotline.followup.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import org.hotline.platform.SafeThrowables;
import org.jboss.logging.Logger;

/** Runs the {@link DeadlineSweep} every {@code hotline.followup.deadlines.every}; never two at once per instance. */
@ApplicationScoped
public class DeadlineSweepJob {

    private static final Logger LOG = Logger.getLogger(DeadlineSweepJob.class);

    private final DeadlineSweep sweep;
    /** Set when the instance starts shutting down: runs due after that would only fail on a closed database pool. */
    private volatile boolean stopping;

    public DeadlineSweepJob(DeadlineSweep sweep) {
        this.sweep = sweep;
    }

    @Scheduled(identity = "followup-deadline-sweep", every = "${hotline.followup.deadlines.every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (stopping) {
            return;
        }
        try {
            sweep.sweep();
        } catch (RuntimeException e) {
            // Nothing was half-done (each batch is one transaction); the next run retries.
            LOG.warnf("Deadline sweep failed, will retry: %s", SafeThrowables.describe(e));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }
}
