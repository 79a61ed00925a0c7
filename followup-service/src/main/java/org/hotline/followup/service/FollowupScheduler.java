package org.hotline.followup.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.calendar.SlaCalculator;
import org.hotline.contracts.events.RoutingDecided;
import org.hotline.followup.Followup;
import org.hotline.followup.FollowupPolicy;
import org.hotline.followup.messaging.FollowupEvents;
import org.hotline.followup.repository.FollowupRepository;
import org.hotline.platform.outbox.OutboxWriter;
import org.jboss.logging.Logger;

/**
 * Turns routing decisions into follow-ups: a decision that owes a staff reply gets one follow-up, stored together
 * with its {@code hotline.followup.scheduled} event in the caller's transaction.
 */
@ApplicationScoped
public class FollowupScheduler {

    private static final Logger LOG = Logger.getLogger(FollowupScheduler.class);

    private final FollowupRepository followups;
    private final OutboxWriter outbox;
    private final BusinessCalendarService calendar;
    private final Clock clock;

    public FollowupScheduler(FollowupRepository followups, OutboxWriter outbox, BusinessCalendarService calendar,
            Clock clock) {
        this.followups = followups;
        this.outbox = outbox;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Schedules the follow-up a decision calls for. Nothing happens when the decision owes no reply, or when the
     * contact already has a follow-up (a re-decision must not promise the same reply twice).
     *
     * @return the new follow-up, or empty when none was scheduled
     */
    @Transactional
    public Optional<Followup> onDecision(RoutingDecided decision) {
        if (!FollowupPolicy.needsFollowup(decision)) {
            return Optional.empty();
        }
        if (followups.existsForReference(decision.reference())) {
            LOG.debugf("Contact %s already has a follow-up; decision %s schedules none", decision.reference(),
                    decision.decisionId());
            return Optional.empty();
        }
        calendar.lockForScheduling();
        SlaCalculator sla = calendar.current();
        Followup followup = Followup.open(decision.reference(), decision.callType(), decision.channel(),
                decision.receivedAt(), sla.quote(decision.receivedAt()), Instant.now(clock));
        followups.persist(followup);
        outbox.append(FollowupEvents.key(followup), FollowupEvents.scheduled(followup));
        LOG.infof("Follow-up %s scheduled for contact %s, target %s", followup.id(), followup.reference(),
                followup.targetAt());
        return Optional.of(followup);
    }
}
