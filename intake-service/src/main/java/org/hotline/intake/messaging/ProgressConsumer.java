package org.hotline.intake.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hotline.contracts.EventCodec;
import org.hotline.contracts.events.FollowupCompleted;
import org.hotline.contracts.events.FollowupScheduled;
import org.hotline.contracts.events.RoutingDecided;
import org.hotline.intake.service.ContactProgress;
import org.hotline.platform.inbox.InboxProcessor;

/**
 * Reads the routing decisions and follow-up events the staff list needs (urgency, open follow-up) into intake's own
 * columns: each applied once through the platform inbox, poison records to {@code hotline.intake.dlq.v1}. Other event
 * types on those topics (at-risk, breached) change nothing here.
 */
@ApplicationScoped
public class ProgressConsumer {

    static final String DECISIONS = "intake-decisions";
    static final String FOLLOWUPS = "intake-followups";

    private final InboxProcessor inbox;
    private final EventCodec codec;
    private final ContactProgress progress;

    public ProgressConsumer(InboxProcessor inbox, EventCodec codec, ContactProgress progress) {
        this.inbox = inbox;
        this.codec = codec;
        this.progress = progress;
    }

    @Incoming("decisions")
    @Blocking
    public void onDecision(ConsumerRecord<String, String> record) {
        inbox.process(DECISIONS, record, event -> progress.decided(event.payload(codec, RoutingDecided.class)));
    }

    @Incoming("followups")
    @Blocking
    public void onFollowup(ConsumerRecord<String, String> record) {
        inbox.process(FOLLOWUPS, record, event -> {
            switch (event.type()) {
                case FOLLOWUP_SCHEDULED -> progress.followUpScheduled(event.payload(codec, FollowupScheduled.class));
                case FOLLOWUP_COMPLETED -> progress.followUpCompleted(event.payload(codec, FollowupCompleted.class));
                default -> {
                    // at-risk and breached: the follow-up stays open, nothing to record
                }
            }
        });
    }
}
