package org.hotline.directory.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
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

    Resources resources();

    Hsds hsds();

    interface Hsds {

        /**
         * The hotline HSDS profile's canonical URI, given in {@code GET /hsds/} as {@code profile}: its patches are
         * at this plus {@code /profile}, its compiled schemas at this plus {@code /schema}. The directory's public
         * address plus {@code /hsds}.
         */
        @WithDefault("http://localhost:8081/hsds")
        String profileUri();

        /** Services (or organisations) read per keyset batch while an ndjson answer streams. */
        @WithDefault("500")
        int streamBatchSize();

        PublicRead publicRead();

        /** The anonymous HSDS read under {@code /api/v1/public/hsds}, limited per client like the tip form. */
        interface PublicRead {

            /** Requests one client may make within {@link #window()}; beyond, {@code 429} with Retry-After. */
            @WithDefault("120")
            int perClient();

            @WithDefault("PT1M")
            Duration window();
        }
    }

    interface Resources {

        /** The largest PDF that may be attached to a resource of the library. */
        @WithDefault("10M")
        MemorySize maxFileSize();

        /**
         * The directory's address as the public reaches it, e.g. {@code https://directory.hotline.example}: the
         * public download of an attached file is this plus {@code /api/v1/public/resources/{id}/file}, the link that
         * events, replies to reporters and the public read carry.
         */
        @WithDefault("http://localhost:8081")
        String publicBaseUrl();
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
         * each published like any created organisation, and the library with the resources of
         * {@code seed/resources.json} that it lacks.
         */
        @WithDefault("true")
        boolean enabled();
    }
}
