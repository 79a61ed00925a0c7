package org.hotline.followup.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hotline.contracts.EventCodec;
import org.hotline.contracts.events.RoutingDecided;
import org.hotline.followup.service.FollowupScheduler;
import org.hotline.platform.inbox.InboxProcessor;

/**
 * Reads routing decisions and schedules the follow-ups they call for. Each decision is applied once (by CloudEvents
 * id, in the same transaction as the follow-up); a record that cannot be read goes to the dead-letter topic.
 */
@ApplicationScoped
public class DecisionConsumer {

    static final String CONSUMER = "followup-decisions";

    private final InboxProcessor inbox;
    private final EventCodec codec;
    private final FollowupScheduler scheduler;

    public DecisionConsumer(InboxProcessor inbox, EventCodec codec, FollowupScheduler scheduler) {
        this.inbox = inbox;
        this.codec = codec;
        this.scheduler = scheduler;
    }

    @Incoming("decisions")
    @Blocking
    public void onDecision(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, event -> scheduler.onDecision(event.payload(codec, RoutingDecided.class)));
    }
}
