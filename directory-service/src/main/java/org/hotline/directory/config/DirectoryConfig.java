package org.hotline.directory.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the directory service under {@code hotline.directory}. */
@ConfigMapping(prefix = "hotline.directory")
public interface DirectoryConfig {

    Seed seed();

    Generator generator();

    Verification verification();

    interface Verification {

        /**
         * How long an organisation's last verification ({@code lastVerifiedOn}, HSDS's {@code assured_date}) holds: one
         * verified longer ago, or never, is listed as needing verification.
         */
        @WithDefault("P180D")
        Duration maxAge();
    }

    interface Generator {

        /**
         * Whether {@code POST /api/v1/admin/organizations/generate} may load a generated directory. Off unless set:
         * its organisations are fictional, and must never be published into a real directory by accident. The local
         * run and the benchmarks switch it on.
         */
        @WithDefault("false")
        boolean enabled();
    }

    interface Seed {

        /**
         * Whether an empty directory is filled at start-up with the key numbers of {@code seed/key-numbers.json},
         * each published like any created organisation.
         */
        @WithDefault("true")
        boolean enabled();
    }
}
