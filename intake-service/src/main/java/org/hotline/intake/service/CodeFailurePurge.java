package org.hotline.intake.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.hotline.intake.config.IntakeConfig;
import org.hotline.intake.repository.CodeFailureRepository;

/**
 * Deletes wrong follow-up codes once they no longer count (older than the failure window), in batches, so the table
 * holds at most one window of failures. Instances may run it at once: each deletes what is there.
 */
@ApplicationScoped
public class CodeFailurePurge {

    static final int BATCH = 5_000;

    private final CodeFailureRepository failures;
    private final IntakeConfig config;
    private final Clock clock;

    public CodeFailurePurge(CodeFailureRepository failures, IntakeConfig config, Clock clock) {
        this.failures = failures;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "intake-code-failure-purge", every = "${hotline.intake.follow-up-code.purge-interval:5m}",
            delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Deletes every failure past the window; answers how many. */
    public int purge() {
        Instant before = clock.instant().minus(config.followUpCode().failureWindow());
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> failures.purgeBefore(before, BATCH));
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
