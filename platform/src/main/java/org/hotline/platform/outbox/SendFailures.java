package org.hotline.platform.outbox;

import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.InvalidRecordException;

/**
 * Tells a send the broker will refuse however often it is tried (the record too large, writing to the topic denied, no
 * such topic) from one that fails because the broker is away or busy, which the relay simply tries again.
 */
final class SendFailures {

    private SendFailures() {
    }

    static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof AuthorizationException || t instanceof InvalidTopicException
                    || t instanceof UnknownTopicOrPartitionException || t instanceof SerializationException
                    || t instanceof InvalidRecordException) {
                return true;
            }
        }
        return false;
    }
}
