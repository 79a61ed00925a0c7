package org.hotline.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.contracts.EventFormatException;
import org.junit.jupiter.api.Test;

/** Only a malformed record is poison; a handler's own failure is retried, never dead-lettered. */
class PoisonRecordsTest {

    @Test
    void aMalformedRecordIsPoisonEvenWhenTheHandlerFoundItAndItWasWrapped() {
        assertThat(InboxProcessor.isPoison(new EventFormatException("breaks its schema"))).isTrue();
        assertThat(InboxProcessor.isPoison(new IllegalStateException("in transaction",
                new EventFormatException("not JSON")))).isTrue();
    }

    @Test
    void aBugInTheHandlerIsNotPoison() {
        assertThat(InboxProcessor.isPoison(new NullPointerException("a bug"))).isFalse();
        assertThat(InboxProcessor.isPoison(new IllegalArgumentException("unexpected value"))).isFalse();
    }
}
