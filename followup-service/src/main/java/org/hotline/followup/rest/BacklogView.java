package org.hotline.followup.rest;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.hotline.contracts.vocabulary.CallType;
import org.hotline.followup.service.FollowupBacklog;

/**
 * The open follow-ups at {@code asOf}: how many, how many at risk (target passed) or breached, how many are due by the
 * close of the next business day, by call type (every type, zero included) and by age in business hours since their
 * clock started ({@code 0-10h}, {@code 10-20h}, {@code 20-30h}, {@code 30h+}).
 */
public record BacklogView(OffsetDateTime asOf, long open, long atRisk, long breached, long dueNextBusinessDay,
        Map<CallType, Long> byCallType, Map<String, Long> byAge) {

    static BacklogView of(FollowupBacklog.Summary s, ZoneId zone) {
        return new BacklogView(FollowupView.at(s.asOf(), zone), s.open(), s.atRisk(), s.breached(),
                s.dueNextBusinessDay(), s.byCallType(), s.byAge());
    }
}
