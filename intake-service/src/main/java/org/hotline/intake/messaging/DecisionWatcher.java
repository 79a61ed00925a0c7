package org.hotline.intake.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hotline.contracts.EventCodec;
import org.hotline.contracts.events.RoutingDecided;
import org.hotline.intake.service.RoutingWatch;
import org.hotline.platform.inbox.InboxProcessor;

/**
 * Reads routing's decisions only to stamp each contact as decided ({@link RoutingWatch}). A record that can never be
 * processed is dropped here (the channel's {@code ignore} strategy): followup-service reads the same topic and
 * dead-letters it, where it is alerted on and redriven, and its contact stays counted as not routed meanwhile.
 */
@ApplicationScoped
public class DecisionWatcher {

    private final InboxProcessor inbox;
    private final EventCodec codec;
    private final RoutingWatch watch;

    public DecisionWatcher(InboxProcessor inbox, EventCodec codec, RoutingWatch watch) {
        this.inbox = inbox;
        this.codec = codec;
        this.watch = watch;
    }

    @Incoming("decisions")
    @Blocking
    public void onDecision(ConsumerRecord<String, String> record) {
        inbox.process("intake-decisions", record,
                event -> watch.decided(event.payload(codec, RoutingDecided.class).reference()));
    }
}
