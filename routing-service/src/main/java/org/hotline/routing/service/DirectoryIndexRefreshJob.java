package org.hotline.routing.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import org.hotline.platform.SafeThrowables;
import org.jboss.logging.Logger;

/**
 * Brings this instance's {@link DirectoryIndex} up to date every {@code hotline.routing.directory.refresh-every}, so
 * the work of applying directory changes (a bulk import, a rebuild on another instance) falls here rather than on a
 * decision, which then finds little or nothing to apply.
 */
@ApplicationScoped
public class DirectoryIndexRefreshJob {

    private static final Logger LOG = Logger.getLogger(DirectoryIndexRefreshJob.class);

    private final DirectoryIndex index;

    public DirectoryIndexRefreshJob(DirectoryIndex index) {
        this.index = index;
    }

    @Scheduled(identity = "routing-directory-index-refresh", every = "${hotline.routing.directory.refresh-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            index.refresh();
        } catch (RuntimeException e) {
            // The index keeps its last snapshot; the next run (or decision) tries again.
            LOG.warnf("Directory index refresh failed, will retry: %s", SafeThrowables.describe(e));
        }
    }
}
