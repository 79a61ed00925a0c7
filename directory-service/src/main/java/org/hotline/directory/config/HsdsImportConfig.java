package org.hotline.directory.config;

import java.time.Duration;
import java.util.Map;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the HSDS import under {@code hotline.directory.hsds-import}. */
@ConfigMapping(prefix = "hotline.directory.hsds-import")
public interface HsdsImportConfig {

    /**
     * Additions to and replacements of the shipped taxonomy table ({@code hsds/taxonomy-needs.txt}): key
     * {@code <scheme>:<code>} ({@code airs:BH-1800}, {@code open-eligibility:temporary shelter}), value the needs,
     * comma-separated, or empty to map the term to none. None by default (SmallRye's maps of values may be empty;
     * {@code @WithDefaults} is for maps of groups and fails the build here).
     */
    Map<String, String> needMapping();

    /** A service whose {@code maximum_age} is at most this admits young people only (the YOUTH audience). */
    @WithDefault("24")
    int youthMaxAge();

    /** Organisations written per transaction when an import is applied. */
    @WithDefault("500")
    int batchSize();

    Fetch fetch();

    /** Fetching a dataset from a URL an administrator gives. */
    interface Fetch {

        /** The whole exchange, connection to last byte. */
        @WithDefault("60S")
        Duration timeout();

        /** The largest answer read; beyond it the fetch is abandoned. */
        @WithDefault("32M")
        MemorySize maxSize();

        /** Plain http and loopback addresses (the local run and the tests); never in production. */
        @WithDefault("false")
        boolean allowLoopback();
    }
}
