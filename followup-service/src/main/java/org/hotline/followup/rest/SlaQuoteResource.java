package org.hotline.followup.rest;

import java.time.Clock;
import java.time.Instant;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.calendar.SlaCalculator;
import org.hotline.followup.service.BusinessCalendarService;
import org.hotline.platform.rest.QueryParameters;

@Path("/api/v1/sla/quote")
@Tag(name = "SLA", description = "The follow-up promise in business time")
@Produces(MediaType.APPLICATION_JSON)
public class SlaQuoteResource {

    private final BusinessCalendarService calendar;
    private final Clock clock;

    public SlaQuoteResource(BusinessCalendarService calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @GET
    @PermitAll // the public tip form promises a reply date with it
    @Operation(summary = "When a reply is due for a message received at a given time",
            description = "The same calculator that schedules follow-ups, operator closures included. Times are ISO-8601 with the offset of the "
                    + "business calendar's zone (America/New_York by default).")
    public SlaQuoteView quote(
            @Parameter(description = "ISO-8601 date-time with offset, e.g. 2026-11-20T20:00:00-05:00; default now")
            @QueryParam("receivedAt") String receivedAt) {
        QueryParameters params = new QueryParameters();
        Instant received = params.instant("receivedAt", receivedAt).orElseGet(() -> Instant.now(clock));
        params.throwIfInvalid();
        SlaCalculator sla = calendar.current();
        return SlaQuoteView.of(sla.quote(received), sla.calendar().zone());
    }
}
