package org.hotline.platform.inbox;

import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.platform.inbox.InboxProcessor.ReplayOutcome;

/**
 * A consumer whose dead letters can be replayed after a fix: it names the topics it consumes and applies a record
 * read back from the dead-letter topic once, through {@link InboxProcessor#replay}, with the handler it uses live.
 */
public interface DeadLetterReplayer {

    /** The topics this consumer reads; a dead letter names the topic it came from. */
    Set<String> topics();

    /** Applies one record of one of {@link #topics()}, as it was before it was dead-lettered. */
    ReplayOutcome replay(ConsumerRecord<String, String> record);
}
