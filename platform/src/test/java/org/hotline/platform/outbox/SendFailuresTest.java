package org.hotline.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;

import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

class SendFailuresTest {

    @Test
    void refusalsThatWaitingCannotCureArePermanentWhereverTheyAreWrapped() {
        assertThat(SendFailures.isPermanent(new CompletionException(new RecordTooLargeException("too large"))))
                .isTrue();
        assertThat(SendFailures.isPermanent(new TopicAuthorizationException("denied"))).isTrue();
        assertThat(SendFailures.isPermanent(new IllegalStateException("nack",
                new UnknownTopicOrPartitionException("no such topic")))).isTrue();
    }

    @Test
    void aBrokerAwayOrSlowIsNot() {
        assertThat(SendFailures.isPermanent(new TimeoutException("expired"))).isFalse();
        assertThat(SendFailures.isPermanent(new CompletionException(new NetworkException("disconnected")))).isFalse();
        assertThat(SendFailures.isPermanent(new java.util.concurrent.TimeoutException("no acknowledgement"))).isFalse();
    }
}
