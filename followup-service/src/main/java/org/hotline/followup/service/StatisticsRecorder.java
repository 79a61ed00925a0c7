package org.hotline.followup.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.calendar.SlaCalculator;
import org.hotline.contracts.EventCodec;
import org.hotline.contracts.EventType;
import org.hotline.contracts.events.CallReceived;
import org.hotline.contracts.events.FollowupBreached;
import org.hotline.contracts.events.FollowupCompleted;
import org.hotline.contracts.events.FollowupScheduled;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.events.ReferralAcknowledged;
import org.hotline.contracts.events.ReferralEscalated;
import org.hotline.contracts.events.ReferralIssued;
import org.hotline.contracts.events.RoutingDecided;
import org.hotline.contracts.events.TipReceived;
import org.hotline.followup.StatisticsFigure;
import org.hotline.followup.repository.StatisticsCellRepository;
import org.hotline.followup.repository.StatisticsCellRepository.CellKey;
import org.hotline.followup.repository.StatisticsFactRepository;
import org.hotline.followup.repository.StatisticsFactRepository.FollowupFact;
import org.hotline.followup.repository.StatisticsFactRepository.ParkedEvent;
import org.hotline.followup.repository.StatisticsFactRepository.ReferralFact;
import org.hotline.followup.repository.StatisticsGenerationRepository;

/**
 * Counts one event into one generation of the statistics read model, inside the caller's transaction (the inbox's,
 * which records the event id with it, so an event is counted once per generation).
 *
 * <p>Every figure is counted on the day of its own event in the business calendar's zone (a contact on the day it was
 * received, a referral on the day it was issued, acknowledged or escalated, a follow-up on the day it was completed
 * or breached), under the contact's state. Topics are read independently, so an event may come before what it is
 * counted by (an acknowledgement before its referral, a completion before its follow-up was scheduled, a decision
 * before its contact): it is parked under the key it waits for and counted when that key's event arrives.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StatisticsRecorder {

    /** Width of a bucket of the first-response histogram, and the last bucket (everything from 200 hours on). */
    public static final Duration BUCKET = Duration.ofMinutes(15);
    public static final int LAST_BUCKET = 800;
    public static final String UNKNOWN_STATE = "UNKNOWN";
    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");

    private final StatisticsGenerationRepository generations;
    private final StatisticsFactRepository facts;
    private final StatisticsCellRepository cells;
    private final BusinessCalendarService calendar;
    private final EventCodec codec;
    private final ZoneId zone;

    public StatisticsRecorder(StatisticsGenerationRepository generations, StatisticsFactRepository facts,
            StatisticsCellRepository cells, BusinessCalendarService calendar, EventCodec codec, SlaCalculator sla) {
        this.generations = generations;
        this.facts = facts;
        this.cells = cells;
        this.calendar = calendar;
        this.codec = codec;
        this.zone = sla.calendar().zone();
    }

    /** Counts the event into the generation, unless that generation was retired meanwhile. */
    public void record(int generation, EventType type, UUID eventId, String payload) {
        if (!generations.lockIfLive(generation)) {
            return;
        }
        Counts counts = new Counts();
        handle(generation, type, eventId, payload, counts);
        cells.add(generation, counts.increments);
    }

    private void handle(int generation, EventType type, UUID eventId, String payload, Counts counts) {
        if (payload == null) {
            return;
        }
        switch (type) {
            case CALL_RECEIVED -> {
                CallReceived call = codec.decode(type, payload, CallReceived.class);
                contact(generation, call.reference(), call.location(), call.receivedAt(), call.callType().name(),
                        call.callerType(), call.channel().name(), null, counts);
            }
            case TIP_RECEIVED -> {
                TipReceived tip = codec.decode(type, payload, TipReceived.class);
                contact(generation, tip.reference(), tip.location(), tip.receivedAt(), "TIP", tip.callerType(),
                        tip.channel().name(), tip.traffickingType() == null ? StatisticsFigure.UNKNOWN
                                : tip.traffickingType().name(), counts);
            }
            case ROUTING_DECIDED -> {
                RoutingDecided decision = codec.decode(type, payload, RoutingDecided.class);
                Optional<String> state = contactState(generation, decision.reference(), type, eventId, payload);
                if (state.isPresent() && facts.markUrgencyCounted(generation, decision.reference())) {
                    counts.add(StatisticsFigure.CONTACTS_BY_URGENCY, decision.urgency().name(), state.get(),
                            day(decision.receivedAt()));
                }
            }
            case REFERRAL_ISSUED -> {
                ReferralIssued issued = codec.decode(type, payload, ReferralIssued.class);
                Optional<String> state = contactState(generation, issued.reference(), type, eventId, payload);
                if (state.isPresent()) {
                    String key = "referral:" + issued.referralId();
                    facts.lockKey(generation, key);
                    if (facts.addReferral(generation, issued.referralId(), issued.need().name(), state.get())) {
                        counts.add(StatisticsFigure.REFERRALS_ISSUED_BY_NEED, issued.need().name(), state.get(),
                                day(issued.issuedAt()));
                        drain(generation, key, counts);
                    }
                }
            }
            case REFERRAL_ACKNOWLEDGED -> {
                ReferralAcknowledged ack = codec.decode(type, payload, ReferralAcknowledged.class);
                referral(generation, ack.referralId(), type, eventId, payload).ifPresent(referral -> counts.add(
                        StatisticsFigure.REFERRALS_ACKNOWLEDGED_BY_NEED, referral.need(), referral.state(),
                        day(ack.acknowledgedAt())));
            }
            case REFERRAL_ESCALATED -> {
                ReferralEscalated escalated = codec.decode(type, payload, ReferralEscalated.class);
                referral(generation, escalated.referralId(), type, eventId, payload).ifPresent(referral -> counts.add(
                        StatisticsFigure.REFERRALS_ESCALATED_BY_NEED, referral.need(), referral.state(),
                        day(escalated.escalatedAt())));
            }
            case FOLLOWUP_SCHEDULED -> {
                FollowupScheduled scheduled = codec.decode(type, payload, FollowupScheduled.class);
                String key = "followup:" + scheduled.followupId();
                facts.lockKey(generation, key);
                if (facts.putFollowup(generation, scheduled.followupId(), scheduled.reference(),
                        scheduled.clockStartsAt(), scheduled.targetAt())) {
                    drain(generation, key, counts);
                }
            }
            case FOLLOWUP_COMPLETED -> {
                FollowupCompleted completed = codec.decode(type, payload, FollowupCompleted.class);
                followupWithState(generation, completed.followupId(), type, eventId, payload).ifPresent(f -> {
                    LocalDate day = day(completed.completedAt());
                    boolean inTime = !completed.completedAt().isAfter(f.fact().targetAt());
                    counts.add(StatisticsFigure.FOLLOWUPS, inTime ? StatisticsFigure.Followups.COMPLETED_WITHIN_TARGET
                            : StatisticsFigure.Followups.COMPLETED_AFTER_TARGET, f.state(), day);
                    counts.add(StatisticsFigure.FIRST_RESPONSE_QUARTER_HOURS,
                            String.valueOf(bucket(f.fact().clockStartsAt(), completed.completedAt())), f.state(), day);
                });
            }
            case FOLLOWUP_BREACHED -> {
                FollowupBreached breached = codec.decode(type, payload, FollowupBreached.class);
                followupWithState(generation, breached.followupId(), type, eventId, payload).ifPresent(f -> counts.add(
                        StatisticsFigure.FOLLOWUPS, StatisticsFigure.Followups.BREACHED, f.state(),
                        day(breached.raisedAt())));
            }
            default -> {
                // Not a figure (at-risk, added tip messages, referral outcomes, the directory, closures).
            }
        }
    }

    private void contact(int generation, String reference, Location location, Instant receivedAt, String callType,
            Enum<?> callerType, String channel, String traffickingType, Counts counts) {
        String key = "contact:" + reference;
        String state = state(location);
        facts.lockKey(generation, key);
        if (!facts.addContact(generation, reference, state)) {
            return;
        }
        LocalDate day = day(receivedAt);
        counts.add(StatisticsFigure.CONTACTS_BY_CALL_TYPE, callType, state, day);
        counts.add(StatisticsFigure.CONTACTS_BY_CALLER_TYPE,
                callerType == null ? StatisticsFigure.UNKNOWN : callerType.name(), state, day);
        counts.add(StatisticsFigure.CONTACTS_BY_CHANNEL, channel, state, day);
        if (traffickingType != null) {
            counts.add(StatisticsFigure.TIPS_BY_TRAFFICKING_TYPE, traffickingType, state, day);
        }
        drain(generation, key, counts);
    }

    /** Counts the events that waited for {@code key}, now that it is known (they may wait again, for another key). */
    private void drain(int generation, String key, Counts counts) {
        for (ParkedEvent parked : facts.unpark(generation, key)) {
            EventType type = EventType.fromType(parked.eventType())
                    .orElseThrow(() -> new IllegalStateException("Parked event of an unknown type"));
            handle(generation, type, parked.eventId(), parked.payload(), counts);
        }
    }

    private Optional<String> contactState(int generation, String reference, EventType type, UUID eventId,
            String payload) {
        return resolve(generation, "contact:" + reference, () -> facts.contactState(generation, reference), type,
                eventId, payload);
    }

    private Optional<ReferralFact> referral(int generation, UUID referralId, EventType type, UUID eventId,
            String payload) {
        return resolve(generation, "referral:" + referralId, () -> facts.referral(generation, referralId), type,
                eventId, payload);
    }

    private record FollowupWithState(FollowupFact fact, String state) {
    }

    private Optional<FollowupWithState> followupWithState(int generation, UUID followupId, EventType type,
            UUID eventId, String payload) {
        return resolve(generation, "followup:" + followupId, () -> facts.followup(generation, followupId), type,
                eventId, payload).flatMap(fact -> contactState(generation, fact.reference(), type, eventId, payload)
                        .map(state -> new FollowupWithState(fact, state)));
    }

    /** The fact, or the event parked under its key (checked again under the key's lock, see lockKey). */
    private <T> Optional<T> resolve(int generation, String key, java.util.function.Supplier<Optional<T>> lookup,
            EventType type, UUID eventId, String payload) {
        Optional<T> found = lookup.get();
        if (found.isPresent()) {
            return found;
        }
        facts.lockKey(generation, key);
        found = lookup.get();
        if (found.isEmpty()) {
            facts.park(generation, key, eventId, type.type(), payload);
        }
        return found;
    }

    private int bucket(Instant clockStartsAt, Instant respondedAt) {
        if (!respondedAt.isAfter(clockStartsAt)) {
            return 0;
        }
        Duration business = calendar.current().calendar().businessTimeBetween(clockStartsAt, respondedAt);
        return (int) Math.min(LAST_BUCKET, business.toMinutes() / BUCKET.toMinutes());
    }

    private LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    static String state(Location location) {
        if (location == null || location.state() == null) {
            return UNKNOWN_STATE;
        }
        String state = location.state().trim().toUpperCase(Locale.ROOT);
        return STATE.matcher(state).matches() ? state : UNKNOWN_STATE;
    }

    /** The cells an event moves: each count goes to its day and month, under its state and every state. */
    private static final class Counts {
        final Map<CellKey, Long> increments = new HashMap<>();

        void add(StatisticsFigure figure, String value, String state, LocalDate day) {
            LocalDate month = day.withDayOfMonth(1);
            for (String s : new String[] {state, StatisticsCellRepository.ALL_STATES}) {
                increments.merge(new CellKey('D', s, day, figure.key(), value), 1L, Long::sum);
                increments.merge(new CellKey('M', s, month, figure.key(), value), 1L, Long::sum);
            }
        }
    }
}
