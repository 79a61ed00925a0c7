package org.hotline.followup.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hotline.contracts.EventCodec;
import org.hotline.contracts.Topics;
import org.hotline.contracts.events.RoutingDecided;
import org.hotline.followup.service.FollowupScheduler;
import org.hotline.platform.inbox.DeadLetterReplayer;
import org.hotline.platform.inbox.IncomingEvent;
import org.hotline.platform.inbox.InboxProcessor;
import org.hotline.platform.inbox.InboxProcessor.ReplayOutcome;

/**
 * Reads routing decisions and schedules the follow-ups they call for. Each decision is applied once (by CloudEvents
 * id, in the same transaction as the follow-up); a record that cannot be read goes to the dead-letter topic, from which
 * a redrive replays it after a fix.
 */
@ApplicationScoped
public class DecisionConsumer implements DeadLetterReplayer {

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
        inbox.process(CONSUMER, record, this::apply);
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.ROUTING_DECISIONS);
    }

    @Override
    public ReplayOutcome replay(ConsumerRecord<String, String> record) {
        return inbox.replay(CONSUMER, record, this::apply);
    }

    private void apply(IncomingEvent event) {
        scheduler.onDecision(event.payload(codec, RoutingDecided.class));
    }
}
