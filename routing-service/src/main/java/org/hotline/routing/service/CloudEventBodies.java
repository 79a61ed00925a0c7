package org.hotline.routing.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hotline.contracts.EventCodec;
import org.hotline.platform.config.PlatformConfig;
import org.hotline.routing.PartnerEvent;

/**
 * A webhook's body: the event as a CloudEvents 1.0 structured JSON document ({@code application/cloudevents+json}),
 * with the same id, type and source as its Kafka record and the Kafka payload as {@code data} — nothing more, so
 * nothing personal. The same event always gives the same body.
 */
@ApplicationScoped
public class CloudEventBodies {

    private final ObjectMapper json;
    private final String source;

    public CloudEventBodies(EventCodec codec, PlatformConfig platform) {
        this.json = codec.mapper();
        this.source = "/hotline/" + platform.serviceName();
    }

    public String of(PartnerEvent event) {
        try {
            ObjectNode body = json.createObjectNode();
            body.put("specversion", "1.0");
            body.put("id", event.eventId().toString());
            body.put("source", source);
            body.put("type", event.eventType());
            body.put("time", event.occurredAt().toString());
            body.put("datacontenttype", "application/json");
            body.set("data", json.readTree(event.payload()));
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored webhook event is not JSON (seq " + event.seq() + ")", e);
        }
    }
}
