package org.hotline.platform.outbox;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.hotline.contracts.EventCodec;

/** One schema-checking codec per service, shared by the outbox and the consumers. */
public class EventCodecProducer {

    @Produces
    @Singleton
    EventCodec eventCodec() {
        return new EventCodec();
    }
}
