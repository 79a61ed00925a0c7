package org.hotline.routing.messaging;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hotline.contracts.EventCodec;
import org.hotline.contracts.EventFormatException;
import org.hotline.contracts.Topics;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.platform.inbox.DeadLetterReplayer;
import org.hotline.platform.inbox.IncomingEvent;
import org.hotline.platform.inbox.InboxProcessor;
import org.hotline.platform.inbox.InboxProcessor.ReplayOutcome;
import org.hotline.routing.service.DirectoryReadModel;

/**
 * Feeds the directory read model table from the compacted organisations topic; a tombstone removes an organisation.
 * Instances share the consumer group (each consumes some partitions) and the table; each instance's index follows the
 * table, not this consumer, so it sees every partition's organisations.
 */
@ApplicationScoped
public class DirectoryConsumer implements DeadLetterReplayer {

    private static final String CONSUMER = "routing-directory";

    private final InboxProcessor inbox;
    private final DirectoryReadModel directory;
    private final EventCodec codec;

    public DirectoryConsumer(InboxProcessor inbox, DirectoryReadModel directory, EventCodec codec) {
        this.inbox = inbox;
        this.directory = directory;
        this.codec = codec;
    }

    @Incoming("organizations")
    @Blocking
    public void onOrganization(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, this::apply);
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.DIRECTORY_ORGANIZATIONS);
    }

    @Override
    public ReplayOutcome replay(ConsumerRecord<String, String> record) {
        return inbox.replay(CONSUMER, record, this::apply);
    }

    private void apply(IncomingEvent event) {
        if (event.isTombstone()) {
            directory.remove(organizationId(event.key()), event.partition(), event.offset());
        } else {
            directory.upsert(event.payload(codec, OrganizationUpserted.class), event.payload(), event.partition(),
                    event.offset());
        }
    }

    private static UUID organizationId(String key) {
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new EventFormatException("organisation tombstone without a UUID key");
        }
    }
}
