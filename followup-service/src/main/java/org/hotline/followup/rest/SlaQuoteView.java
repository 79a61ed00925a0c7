package org.hotline.followup.rest;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.hotline.calendar.SlaQuote;

/** The SLA deadlines of a message received at a given time, with the business calendar's offset. */
public record SlaQuoteView(OffsetDateTime clockStartsAt, OffsetDateTime targetAt, OffsetDateTime breachAt) {

    static SlaQuoteView of(SlaQuote quote, ZoneId zone) {
        return new SlaQuoteView(FollowupView.at(quote.clockStartsAt().toInstant(), zone),
                FollowupView.at(quote.targetAt().toInstant(), zone),
                FollowupView.at(quote.breachAt().toInstant(), zone));
    }
}
