package org.hotline.platform.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings every service shares under the {@code hotline} prefix. */
@ConfigMapping(prefix = "hotline")
public interface PlatformConfig {

    /** This service's name: the CloudEvents {@code source} of what it publishes, and its consumer identity. */
    String serviceName();

    Outbox outbox();

    Inbox inbox();

    Http http();

    interface Http {

        /**
         * Largest request body accepted; larger ones answer 413 problem+json before the body is read. Quarkus's own
         * {@code quarkus.http.limits.max-body-size} (set higher) stops bodies sent without a length.
         */
        @WithDefault("256K")
        MemorySize maxBodySize();
    }

    interface Outbox {

        /** Whether this instance relays the outbox to Kafka. */
        @WithDefault("true")
        boolean enabled();

        /** How long the relay waits when the outbox is drained; it keeps going while batches come back full. */
        @WithDefault("100ms")
        Duration pollInterval();

        /** Rows sent per transaction. */
        @WithDefault("500")
        int batchSize();

        /** How long a batch may wait for the broker's acknowledgements before the relay gives up and retries. */
        @WithDefault("150s")
        Duration sendTimeout();
    }

    interface Inbox {

        /** First wait before retrying an event whose processing failed for a transient reason (database down). */
        @WithDefault("200ms")
        Duration initialBackoff();

        /** Longest wait between retries; retries go on until the cause is gone, the partition waits meanwhile. */
        @WithDefault("30s")
        Duration maxBackoff();
    }
}
