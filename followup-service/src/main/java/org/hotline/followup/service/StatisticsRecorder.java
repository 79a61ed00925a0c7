package org.hotline.followup.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
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
import org.hotline.followup.repository.StatisticsCellRepository.PeriodKey;
import org.hotline.followup.repository.StatisticsFactRepository;
import org.hotline.followup.repository.StatisticsFactRepository.FollowupFact;
import org.hotline.followup.repository.StatisticsFactRepository.ParkedEvent;
import org.hotline.followup.repository.StatisticsFactRepository.ReferralFact;
import org.hotline.followup.repository.StatisticsGenerationRepository;
import org.hotline.platform.inbox.IncomingEvent;

/**
 * Counts events into one generation of the statistics read model, a batch at a time, inside the caller's transaction,
 * which records the events' ids with their counts (so an event is counted once per generation).
 *
 * <p>Every figure is counted on the day of its own event in the business calendar's zone (a contact on the day it was
 * received, a referral on the day it was issued, acknowledged or escalated, a follow-up on the day it was completed
 * or breached), under the contact's state. Topics are read independently, so an event may come before what it is
 * counted by (an acknowledgement before its referral, a completion before its follow-up was scheduled, a decision
 * before its contact): it is parked under the key it waits for and counted when that key's event arrives.
 *
 * <p>A batch costs a fixed number of statements, not a few per event: the generation is locked for the transaction
 * (one writer at a time: the live consumer and a rebuild may both write a generation being built), the batch's ids
 * are recorded in one statement, the facts its events name are read with one statement per kind, the events are
 * counted in order in memory ({@link StatisticsFacts}), and the facts learnt, the events parked and the cells' counts
 * are written back with one statement per kind, then the medians of the periods whose histogram moved are recomputed
 * from it with one more.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StatisticsRecorder {

    /** Width of a bucket of the first-response histogram, and the last bucket (everything from 200 hours on). */
    public static final Duration BUCKET = Duration.ofMinutes(15);
    public static final int LAST_BUCKET = 800;
    public static final String UNKNOWN_STATE = "UNKNOWN";
    /** The inbox consumer name of a generation, under which its counted events' ids are recorded. */
    public static final String CONSUMER_PREFIX = "followup-statistics-g";
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

    public static String consumerName(int generation) {
        return CONSUMER_PREFIX + generation;
    }

    /** An event as the read model counts it: {@code decoded} null for a type that is not a figure, or a tombstone. */
    public record StatisticsEvent(UUID id, EventType type, String payload, Record decoded) {
    }

    /**
     * Reads a record's event, decoding the payload of the types that are counted.
     *
     * @throws org.hotline.contracts.EventFormatException when the record can never be processed (poison)
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StatisticsEvent decode(IncomingEvent event) {
        return new StatisticsEvent(event.id(), event.type(), event.payload(), decode(event.type(), event.payload()));
    }

    /**
     * Counts the events not counted before into the generation, unless that generation was retired meanwhile, and
     * records their ids under {@code consumer}; answers how many were counted (the rest were duplicates).
     */
    public int record(int generation, String consumer, List<StatisticsEvent> events) {
        if (!generations.lockIfLive(generation)) {
            return 0;
        }
        facts.lockGeneration(generation);
        Map<UUID, StatisticsEvent> first = new LinkedHashMap<>();
        events.forEach(e -> first.putIfAbsent(e.id(), e));
        Set<UUID> fresh = facts.markProcessed(consumer, first.keySet());
        List<StatisticsEvent> counted = first.values().stream().filter(e -> fresh.contains(e.id())).toList();
        count(generation, counted);
        return counted.size();
    }

    /** Counts one event whose id the caller's inbox has recorded already (a dead letter replayed). */
    public void recordOne(int generation, StatisticsEvent event) {
        if (!generations.lockIfLive(generation)) {
            return;
        }
        facts.lockGeneration(generation);
        count(generation, List.of(event));
    }

    private void count(int generation, List<StatisticsEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        StatisticsFacts known = new StatisticsFacts(facts, generation);
        load(known, events);
        Counts counts = new Counts();
        for (StatisticsEvent event : events) {
            handle(known, event.type(), event.id(), event.payload(), event.decoded(), counts);
        }
        known.flush();
        cells.add(generation, counts.increments);
        cells.refreshMedians(generation, counts.histograms);
    }

    /** Reads up front the facts the batch's events name, and what waits for the keys they may complete. */
    private void load(StatisticsFacts known, List<StatisticsEvent> events) {
        Set<String> references = new HashSet<>();
        Set<UUID> referralIds = new HashSet<>();
        Set<UUID> followupIds = new HashSet<>();
        Set<String> completable = new HashSet<>();
        for (StatisticsEvent event : events) {
            Record decoded = event.decoded();
            if (decoded instanceof CallReceived call) {
                references.add(call.reference());
                completable.add(contactKey(call.reference()));
            } else if (decoded instanceof TipReceived tip) {
                references.add(tip.reference());
                completable.add(contactKey(tip.reference()));
            } else if (decoded instanceof RoutingDecided decision) {
                references.add(decision.reference());
            } else if (decoded instanceof ReferralIssued issued) {
                references.add(issued.reference());
                referralIds.add(issued.referralId());
                completable.add(referralKey(issued.referralId()));
            } else if (decoded instanceof ReferralAcknowledged ack) {
                referralIds.add(ack.referralId());
            } else if (decoded instanceof ReferralEscalated escalated) {
                referralIds.add(escalated.referralId());
            } else if (decoded instanceof FollowupScheduled scheduled) {
                followupIds.add(scheduled.followupId());
                completable.add(followupKey(scheduled.followupId()));
            } else if (decoded instanceof FollowupCompleted completed) {
                references.add(completed.reference());
                followupIds.add(completed.followupId());
            } else if (decoded instanceof FollowupBreached breached) {
                references.add(breached.reference());
                followupIds.add(breached.followupId());
            }
        }
        known.load(references, referralIds, followupIds, completable);
    }

    private Record decode(EventType type, String payload) {
        if (payload == null) {
            return null;
        }
        return switch (type) {
            case CALL_RECEIVED -> codec.decode(type, payload, CallReceived.class);
            case TIP_RECEIVED -> codec.decode(type, payload, TipReceived.class);
            case ROUTING_DECIDED -> codec.decode(type, payload, RoutingDecided.class);
            case REFERRAL_ISSUED -> codec.decode(type, payload, ReferralIssued.class);
            case REFERRAL_ACKNOWLEDGED -> codec.decode(type, payload, ReferralAcknowledged.class);
            case REFERRAL_ESCALATED -> codec.decode(type, payload, ReferralEscalated.class);
            case FOLLOWUP_SCHEDULED -> codec.decode(type, payload, FollowupScheduled.class);
            case FOLLOWUP_COMPLETED -> codec.decode(type, payload, FollowupCompleted.class);
            case FOLLOWUP_BREACHED -> codec.decode(type, payload, FollowupBreached.class);
            // Not a figure (at-risk, added tip messages, referral outcomes, the directory, closures).
            default -> null;
        };
    }

    private void handle(StatisticsFacts known, EventType type, UUID eventId, String payload, Record decoded,
            Counts counts) {
        if (decoded instanceof CallReceived call) {
            contact(known, call.reference(), call.location(), call.receivedAt(), call.callType().name(),
                    call.callerType(), call.channel().name(), null, counts);
        } else if (decoded instanceof TipReceived tip) {
            contact(known, tip.reference(), tip.location(), tip.receivedAt(), "TIP", tip.callerType(),
                    tip.channel().name(), tip.traffickingType() == null ? StatisticsFigure.UNKNOWN
                            : tip.traffickingType().name(), counts);
        } else if (decoded instanceof RoutingDecided decision) {
            Optional<String> state = contactState(known, decision.reference(), type, eventId, payload);
            if (state.isPresent() && known.markUrgencyCounted(decision.reference())) {
                counts.add(StatisticsFigure.CONTACTS_BY_URGENCY, decision.urgency().name(), state.get(),
                        day(decision.receivedAt()));
            }
        } else if (decoded instanceof ReferralIssued issued) {
            Optional<String> state = contactState(known, issued.reference(), type, eventId, payload);
            if (state.isPresent() && known.addReferral(issued.referralId(), issued.need().name(), state.get())) {
                counts.add(StatisticsFigure.REFERRALS_ISSUED_BY_NEED, issued.need().name(), state.get(),
                        day(issued.issuedAt()));
                drain(known, referralKey(issued.referralId()), counts);
            }
        } else if (decoded instanceof ReferralAcknowledged ack) {
            referral(known, ack.referralId(), type, eventId, payload).ifPresent(referral -> counts.add(
                    StatisticsFigure.REFERRALS_ACKNOWLEDGED_BY_NEED, referral.need(), referral.state(),
                    day(ack.acknowledgedAt())));
        } else if (decoded instanceof ReferralEscalated escalated) {
            referral(known, escalated.referralId(), type, eventId, payload).ifPresent(referral -> counts.add(
                    StatisticsFigure.REFERRALS_ESCALATED_BY_NEED, referral.need(), referral.state(),
                    day(escalated.escalatedAt())));
        } else if (decoded instanceof FollowupScheduled scheduled) {
            if (known.putFollowup(scheduled.followupId(), scheduled.reference(), scheduled.clockStartsAt(),
                    scheduled.targetAt())) {
                drain(known, followupKey(scheduled.followupId()), counts);
            }
        } else if (decoded instanceof FollowupCompleted completed) {
            followupWithState(known, completed.followupId(), type, eventId, payload).ifPresent(f -> {
                LocalDate day = day(completed.completedAt());
                boolean inTime = !completed.completedAt().isAfter(f.fact().targetAt());
                counts.add(StatisticsFigure.FOLLOWUPS, inTime ? StatisticsFigure.Followups.COMPLETED_WITHIN_TARGET
                        : StatisticsFigure.Followups.COMPLETED_AFTER_TARGET, f.state(), day);
                counts.add(StatisticsFigure.FIRST_RESPONSE_QUARTER_HOURS,
                        bucketValue(bucket(f.fact().clockStartsAt(), completed.completedAt())), f.state(), day);
            });
        } else if (decoded instanceof FollowupBreached breached) {
            followupWithState(known, breached.followupId(), type, eventId, payload).ifPresent(f -> counts.add(
                    StatisticsFigure.FOLLOWUPS, StatisticsFigure.Followups.BREACHED, f.state(),
                    day(breached.raisedAt())));
        }
        // Anything else is not a figure (at-risk, added tip messages, referral outcomes), or a tombstone.
    }

    private void contact(StatisticsFacts known, String reference, Location location, Instant receivedAt,
            String callType, Enum<?> callerType, String channel, String traffickingType, Counts counts) {
        String state = state(location);
        if (!known.addContact(reference, state)) {
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
        drain(known, contactKey(reference), counts);
    }

    /** Counts the events that waited for {@code key}, now that it is known (they may wait again, for another key). */
    private void drain(StatisticsFacts known, String key, Counts counts) {
        for (ParkedEvent parked : known.unpark(key)) {
            EventType type = EventType.fromType(parked.eventType())
                    .orElseThrow(() -> new IllegalStateException("Parked event of an unknown type"));
            handle(known, type, parked.eventId(), parked.payload(), decode(type, parked.payload()), counts);
        }
    }

    private static String contactKey(String reference) {
        return "contact:" + reference;
    }

    private static String referralKey(UUID referralId) {
        return "referral:" + referralId;
    }

    private static String followupKey(UUID followupId) {
        return "followup:" + followupId;
    }

    private Optional<String> contactState(StatisticsFacts known, String reference, EventType type, UUID eventId,
            String payload) {
        return resolve(known, contactKey(reference), () -> known.contactState(reference), type, eventId, payload);
    }

    private Optional<ReferralFact> referral(StatisticsFacts known, UUID referralId, EventType type, UUID eventId,
            String payload) {
        return resolve(known, referralKey(referralId), () -> known.referral(referralId), type, eventId, payload);
    }

    private record FollowupWithState(FollowupFact fact, String state) {
    }

    private Optional<FollowupWithState> followupWithState(StatisticsFacts known, UUID followupId, EventType type,
            UUID eventId, String payload) {
        return resolve(known, followupKey(followupId), () -> known.followup(followupId), type, eventId, payload)
                .flatMap(fact -> contactState(known, fact.reference(), type, eventId, payload)
                        .map(state -> new FollowupWithState(fact, state)));
    }

    /** The fact, or the event parked under its key (the generation's lock keeps the two from racing). */
    private static <T> Optional<T> resolve(StatisticsFacts known, String key, Supplier<Optional<T>> lookup,
            EventType type, UUID eventId, String payload) {
        Optional<T> found = lookup.get();
        if (found.isEmpty()) {
            known.park(key, eventId, type.type(), payload);
        }
        return found;
    }

    /** A histogram bucket as its cell's value: three digits, so that values sort as the buckets do (V14). */
    public static String bucketValue(int bucket) {
        return String.format(Locale.ROOT, "%03d", bucket);
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

    /**
     * The cells a batch moves: each count goes to its day, its ISO week (from Monday) and its month, under its state
     * and every state.
     */
    private static final class Counts {
        final Map<CellKey, Long> increments = new HashMap<>();
        /** The periods whose first-response histogram moved: their medians are recomputed. */
        final Set<PeriodKey> histograms = new HashSet<>();

        void add(StatisticsFigure figure, String value, String state, LocalDate day) {
            LocalDate week = day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            LocalDate month = day.withDayOfMonth(1);
            for (String s : new String[] {state, StatisticsCellRepository.ALL_STATES}) {
                increments.merge(new CellKey('D', s, day, figure.key(), value), 1L, Long::sum);
                increments.merge(new CellKey('W', s, week, figure.key(), value), 1L, Long::sum);
                increments.merge(new CellKey('M', s, month, figure.key(), value), 1L, Long::sum);
                if (figure == StatisticsFigure.FIRST_RESPONSE_QUARTER_HOURS) {
                    histograms.add(new PeriodKey('D', s, day));
                    histograms.add(new PeriodKey('W', s, week));
                    histograms.add(new PeriodKey('M', s, month));
                }
            }
        }
    }
}
