package org.hotline.platform.config;

import java.time.Duration;
import java.util.Optional;

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

        /**
         * How long the relay waits when the outbox is drained before it looks again. A commit on this instance wakes
         * it at once; the poll finds rows that another instance wrote while this one holds the relay's lease.
         */
        @WithDefault("100ms")
        Duration pollInterval();

        /** Rows claimed and sent per batch; the relay keeps going while batches come back full. */
        @WithDefault("500")
        int batchSize();

        /** How long a batch may wait for the broker's acknowledgements before the relay gives up and retries. */
        @WithDefault("150s")
        Duration sendTimeout();

        /**
         * How long the relaying instance's lease lasts without renewal; it renews it while it waits for the broker.
         * Another instance takes the relay over this long after the holder crashed (a stopped holder releases it).
         */
        @WithDefault("15s")
        Duration lease();

        /** Refusals of one row (missing topic, write denied, record too large) after which it is set aside. */
        @WithDefault("5")
        int maxAttempts();

        /** Wait before a refused row is sent again; doubled after each refusal, up to {@link #maxRetryBackoff()}. */
        @WithDefault("1s")
        Duration retryBackoff();

        @WithDefault("1m")
        Duration maxRetryBackoff();

        /** Wait after a batch the broker refused entirely (it is unreachable); doubled up to 5 s while it stays so. */
        @WithDefault("1s")
        Duration outageBackoff();

        /** How long the relay asks the broker whether a topic it has not written to yet exists. */
        @WithDefault("10s")
        Duration topicCheckTimeout();
    }

    interface Inbox {

        /** First wait before retrying an event whose processing failed for a transient reason (database down). */
        @WithDefault("200ms")
        Duration initialBackoff();

        /** Longest wait between retries; retries go on until the cause is gone, the partition waits meanwhile. */
        @WithDefault("30s")
        Duration maxBackoff();

        /**
         * How long the ids of applied events are kept in {@code processed_event} to drop redeliveries. Longer than the
         * longest a record can come back: the topics' retention (7 days) and a dead-letter redrive after a fix.
         */
        @WithDefault("30d")
        Duration retention();

        /** How often the ids past the retention window are purged (ProcessedEventPurge). */
        @WithDefault("1h")
        Duration purgeEvery();

        /** The dead-letter topic this service's consumers send poison records to; absent when it consumes nothing. */
        Optional<String> deadLetterTopic();
    }
}
