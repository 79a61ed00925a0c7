package org.hotline.intake.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Intake settings under {@code hotline.intake}. */
@ConfigMapping(prefix = "hotline.intake")
public interface IntakeConfig {

    FollowUpCode followUpCode();

    Submissions submissions();

    Form form();

    /** How many tips one client may submit, through the form or the API. */
    interface Submissions {

        @WithDefault("10")
        int perClient();

        @WithDefault("10m")
        Duration window();
    }

    /** The public tip form. */
    interface Form {

        /**
         * Key that signs the form's anti-forgery tokens. Set the same value on every instance in production; without
         * it each instance makes a random one at start, and forms served before a restart must be reloaded.
         */
        Optional<String> csrfSecret();
    }

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
