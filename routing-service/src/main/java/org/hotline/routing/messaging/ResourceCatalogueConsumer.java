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
import org.hotline.contracts.events.ResourceUpserted;
import org.hotline.platform.inbox.DeadLetterReplayer;
import org.hotline.platform.inbox.IncomingEvent;
import org.hotline.platform.inbox.InboxProcessor;
import org.hotline.platform.inbox.InboxProcessor.ReplayOutcome;
import org.hotline.routing.service.ResourceCatalogue;

/**
 * Feeds the resource catalogue from the directory's compacted resources topic (consumer group
 * {@code routing-service-resources}); a tombstone, a retirement or deletion, removes a resource. Idempotent: the inbox
 * skips an event already processed, and the table keeps the record each row came from.
 */
@ApplicationScoped
public class ResourceCatalogueConsumer implements DeadLetterReplayer {

    private static final String CONSUMER = "routing-resources";

    private final InboxProcessor inbox;
    private final ResourceCatalogue catalogue;
    private final EventCodec codec;

    public ResourceCatalogueConsumer(InboxProcessor inbox, ResourceCatalogue catalogue, EventCodec codec) {
        this.inbox = inbox;
        this.catalogue = catalogue;
        this.codec = codec;
    }

    @Incoming("resources")
    @Blocking
    public void onResource(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, this::apply);
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.DIRECTORY_RESOURCES);
    }

    @Override
    public ReplayOutcome replay(ConsumerRecord<String, String> record) {
        return inbox.replay(CONSUMER, record, this::apply);
    }

    private void apply(IncomingEvent event) {
        if (event.isTombstone()) {
            catalogue.remove(resourceId(event.key()), event.partition(), event.offset());
        } else {
            catalogue.upsert(event.payload(codec, ResourceUpserted.class), event.partition(), event.offset());
        }
    }

    private static UUID resourceId(String key) {
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new EventFormatException("resource tombstone without a UUID key");
        }
    }
}
