package org.hotline.routing.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hotline.contracts.EventCodec;
import org.hotline.contracts.EventFormatException;
import org.hotline.contracts.events.CalendarClosureAdded;
import org.hotline.platform.inbox.InboxProcessor;
import org.hotline.routing.service.RoutingCalendar;

/** Keeps routing's copy of the calendar closures from follow-up's compacted topic; a tombstone removes one. */
@ApplicationScoped
public class CalendarConsumer {

    private final InboxProcessor inbox;
    private final RoutingCalendar calendar;
    private final EventCodec codec;

    public CalendarConsumer(InboxProcessor inbox, RoutingCalendar calendar, EventCodec codec) {
        this.inbox = inbox;
        this.calendar = calendar;
        this.codec = codec;
    }

    @Incoming("closures")
    @Blocking
    public void onClosure(ConsumerRecord<String, String> record) {
        inbox.process("routing-calendar", record, event -> {
            if (event.isTombstone()) {
                calendar.removed(closureId(event.key()));
            } else {
                calendar.added(event.payload(codec, CalendarClosureAdded.class));
            }
        });
    }

    private static UUID closureId(String key) {
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new EventFormatException("closure tombstone without a UUID key");
        }
    }
}
