package org.hotline.followup.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The statistics read model, under {@code hotline.statistics}. */
@ConfigMapping(prefix = "hotline.statistics")
public interface StatisticsConfig {

    /**
     * Counts from 1 up to one below this are shown as {@code <threshold} and never leave the service (API, CSV, pages,
     * publications); at least 2.
     */
    @WithDefault("5")
    int suppressionThreshold();

    /** Rebuilds of the read model from the topics. */
    Rebuild rebuild();

    interface Rebuild {

        /**
         * A rebuild whose instance has not reported progress for this long is taken as dead (its instance stopped):
         * a new rebuild may then start and the dead one's tables are dropped.
         */
        @WithDefault("2m")
        Duration staleAfter();

        /** How long a rebuild waits on the broker for one poll of records. */
        @WithDefault("1s")
        Duration pollTimeout();
    }
}
