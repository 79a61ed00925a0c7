package org.hotline.routing.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hotline.contracts.EventCodec;
import org.hotline.contracts.events.CallReceived;
import org.hotline.contracts.EventFormatException;
import org.hotline.contracts.Topics;
import org.hotline.contracts.events.TipMessageAdded;
import org.hotline.contracts.events.TipReceived;
import org.hotline.platform.inbox.DeadLetterReplayer;
import org.hotline.platform.inbox.IncomingEvent;
import org.hotline.platform.inbox.InboxProcessor;
import org.hotline.platform.inbox.InboxProcessor.ReplayOutcome;
import org.hotline.routing.ContactFacts;
import org.hotline.routing.service.RoutingService;

/**
 * Calls and tips from intake: each is decided once, whatever the number of deliveries. Dead letters of both topics can
 * be replayed after a fix.
 */
@ApplicationScoped
public class ContactConsumer implements DeadLetterReplayer {

    private static final String TIPS = "routing-tips";
    private static final String CALLS = "routing-calls";


    private final InboxProcessor inbox;
    private final RoutingService routing;
    private final EventCodec codec;

    public ContactConsumer(InboxProcessor inbox, RoutingService routing, EventCodec codec) {
        this.inbox = inbox;
        this.routing = routing;
        this.codec = codec;
    }

    /** Tips and, behind them on the same partition, the messages their reporters add. */
    @Incoming("tips")
    @Blocking
    public void onTip(ConsumerRecord<String, String> record) {
        inbox.process(TIPS, record, this::applyTip);
    }

    @Incoming("calls")
    @Blocking
    public void onCall(ConsumerRecord<String, String> record) {
        inbox.process(CALLS, record, this::applyCall);
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.INTAKE_TIPS, Topics.INTAKE_CALLS);
    }

    @Override
    public ReplayOutcome replay(ConsumerRecord<String, String> record) {
        return Topics.INTAKE_TIPS.equals(record.topic()) ? inbox.replay(TIPS, record, this::applyTip)
                : inbox.replay(CALLS, record, this::applyCall);
    }

    private void applyTip(IncomingEvent event) {
        switch (event.type()) {
            case TIP_RECEIVED -> routing.decide(ContactFacts.of(event.payload(codec, TipReceived.class)));
            case TIP_MESSAGE_ADDED -> routing.reassess(event.payload(codec, TipMessageAdded.class));
            default -> throw new EventFormatException(event + " does not belong on the tips topic");
        }
    }

    private void applyCall(IncomingEvent event) {
        routing.decide(ContactFacts.of(event.payload(codec, CallReceived.class)));
    }
}
