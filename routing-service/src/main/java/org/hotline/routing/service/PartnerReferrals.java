package org.hotline.routing.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.contracts.vocabulary.ReferralOutcome;
import org.hotline.platform.problem.ProblemException;
import org.hotline.routing.FeedCursor;
import org.hotline.routing.Referral;
import org.hotline.routing.repository.ReferralRepository;

/**
 * What partners do with their referrals: read them as a resumable feed, acknowledge each one, and record what came of
 * it.
 */
@ApplicationScoped
public class PartnerReferrals {

    private final ReferralRepository referrals;
    private final ReferralEvents events;
    private final Clock clock;

    public PartnerReferrals(ReferralRepository referrals, ReferralEvents events, Clock clock) {
        this.referrals = referrals;
        this.events = events;
        this.clock = clock;
    }

    /** One page of the feed and the cursor to resume from (the one given when there is nothing newer). */
    public record Page(List<Referral> items, Optional<FeedCursor> next) {
    }

    @Transactional
    public Page feed(UUID organizationId, Optional<FeedCursor> after, int limit) {
        List<Referral> items = referrals.feed(organizationId, after, limit);
        Optional<FeedCursor> next = items.isEmpty() ? after : Optional.of(FeedCursor.after(items.get(items.size() - 1)));
        return new Page(items, next);
    }

    /**
     * Marks the referral acknowledged and appends {@code hotline.referral.acknowledged} in the same transaction, once:
     * a repeated acknowledgement answers the same referral and publishes nothing.
     *
     * @param mayAcknowledge given the referral's organisation id before anything changes; throws to refuse
     */
    @Transactional
    public Referral acknowledge(UUID referralId, Consumer<UUID> mayAcknowledge) {
        Referral referral = referrals.findForUpdate(referralId)
                .orElseThrow(() -> ProblemException.notFound("A referral with this id"));
        mayAcknowledge.accept(referral.organizationId());
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        referral.acknowledge(now).ifPresent(event -> events.append(event.organizationId(), event));
        return referral;
    }

    /**
     * Records the partner's outcome and appends {@code hotline.referral.outcome-recorded} in the same transaction; the
     * same outcome again changes nothing and publishes nothing.
     *
     * @param mayRecord given the referral's organisation id before anything changes; throws to refuse
     */
    @Transactional
    public Referral recordOutcome(UUID referralId, ReferralOutcome outcome, Consumer<UUID> mayRecord) {
        Referral referral = referrals.findForUpdate(referralId)
                .orElseThrow(() -> ProblemException.notFound("A referral with this id"));
        mayRecord.accept(referral.organizationId());
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        referral.recordOutcome(outcome, now).ifPresent(event -> events.append(event.organizationId(), event));
        return referral;
    }
}
