package org.hotline.console.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The console's own settings ({@code hotline.console.*}). */
@ConfigMapping(prefix = "hotline.console")
public interface ConsoleConfig {

    /** How long the call page waits for routing's decision before it shows "deciding…" and looks again. */
    @WithDefault("3s")
    Duration decisionWait();

    /** After this long without a decision the page says routing is late and what to do meanwhile. */
    @WithDefault("2m")
    Duration decisionLate();

    /** Rows per page in lists (the services cap it at 100). */
    @WithDefault("25")
    int pageSize();
}
