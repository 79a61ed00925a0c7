package org.hotline.intake.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Intake settings under {@code hotline.intake}. */
@ConfigMapping(prefix = "hotline.intake")
public interface IntakeConfig {

    FollowUpCode followUpCode();

    /** Anonymous reporters' follow-up codes. */
    interface FollowUpCode {

        /** bcrypt cost (log2 rounds): each check costs about 2^cost hash rounds. */
        @WithDefault("10")
        int bcryptCost();

        /** Wrong codes allowed per reference within {@link #failureWindow()} before answers become 429. */
        @WithDefault("5")
        int maxFailures();

        @WithDefault("15m")
        Duration failureWindow();
    }
}
