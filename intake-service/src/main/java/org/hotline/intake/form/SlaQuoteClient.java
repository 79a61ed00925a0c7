package org.hotline.intake.form;

import java.time.OffsetDateTime;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** followup-service's SLA quote: the same calculator that schedules follow-ups promises the reply date. */
@RegisterRestClient(configKey = "sla-quote")
@Path("/api/v1/sla/quote")
public interface SlaQuoteClient {

    @GET
    Quote quote(@QueryParam("receivedAt") String receivedAt);

    /** The quote's times, with the Eastern offset. */
    record Quote(OffsetDateTime clockStartsAt, OffsetDateTime targetAt, OffsetDateTime breachAt) {
    }
}
