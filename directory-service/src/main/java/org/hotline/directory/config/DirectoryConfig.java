package org.hotline.directory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the directory service under {@code hotline.directory}. */
@ConfigMapping(prefix = "hotline.directory")
public interface DirectoryConfig {

    Seed seed();

    interface Seed {

        /**
         * Whether an empty directory is filled at start-up with the key numbers of {@code seed/key-numbers.json},
         * each published like any created organisation.
         */
        @WithDefault("true")
        boolean enabled();
    }
}
