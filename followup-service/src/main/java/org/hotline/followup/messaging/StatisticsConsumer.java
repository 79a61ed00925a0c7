package org.hotline.followup.messaging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hotline.contracts.EventFormatException;
import org.hotline.contracts.Topics;
import org.hotline.followup.repository.StatisticsGenerationRepository;
import org.hotline.followup.service.StatisticsBatches;
import org.hotline.followup.service.StatisticsRecorder;
import org.hotline.followup.service.StatisticsRecorder.StatisticsEvent;
import org.hotline.platform.inbox.DeadLetterReplayer;
import org.hotline.platform.inbox.IncomingEvent;
import org.hotline.platform.inbox.InboxProcessor;
import org.hotline.platform.inbox.InboxProcessor.ReplayOutcome;
import org.jboss.logging.Logger;

/**
 * Feeds the statistics read model from the event topics (consumer group {@code followup-service-statistics}, apart
 * from the follow-ups' own consumer), <b>a poll's batch at a time</b> (SmallRye's batch mode): at 200 tips/s the topics
 * carry about a thousand events a second, which one transaction and several round trips per event cannot follow on two
 * cores. Each batch is counted in one transaction ({@link StatisticsBatches}) and its offsets are committed by SmallRye
 * only once this method returns, i.e. after that transaction committed. Each event is counted once per generation: its
 * id is recorded under the generation's consumer name ({@code followup-statistics-g<generation>}) in the same
 * transaction as the counts. While a rebuild runs, live events are counted into both the active generation and the one
 * being built.
 *
 * <p>A record that can never be processed is set apart before the batch is counted and goes alone to the dead-letter
 * topic ({@link StatisticsDeadLetters}, the headers of SmallRye's dead-letter-queue strategy, which the channel cannot
 * use in batch mode: it would dead-letter the whole batch); the rest of the batch is counted. Except on the decisions
 * topic: there the follow-ups' own consumer in this service dead-letters the same record already, and a redrive
 * replays it to that consumer; after such a fix, a rebuild counts it here.
 */
@ApplicationScoped
public class StatisticsConsumer implements DeadLetterReplayer {

    /** The topics the read model is built from (the rebuild reads the same). */
    public static final List<String> TOPICS = List.of(Topics.INTAKE_CALLS, Topics.INTAKE_TIPS,
            Topics.ROUTING_DECISIONS, Topics.REFERRALS, Topics.FOLLOWUPS);

    private static final Logger LOG = Logger.getLogger(StatisticsConsumer.class);

    private final StatisticsBatches batches;
    private final StatisticsRecorder recorder;
    private final StatisticsDeadLetters deadLetters;
    private final InboxProcessor inbox;
    private final StatisticsGenerationRepository generations;
    private final MeterRegistry registry;

    public StatisticsConsumer(StatisticsBatches batches, StatisticsRecorder recorder,
            StatisticsDeadLetters deadLetters, InboxProcessor inbox, StatisticsGenerationRepository generations,
            MeterRegistry registry) {
        this.batches = batches;
        this.recorder = recorder;
        this.deadLetters = deadLetters;
        this.inbox = inbox;
        this.generations = generations;
        this.registry = registry;
    }

    @Incoming("statistics")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        Set<ConsumerRecord<String, String>> deadLettered = Collections.newSetFromMap(new IdentityHashMap<>());
        batches.applyLive(records.count(), () -> sound(records, deadLettered));
    }

    /** The batch's sound events; each poison record is dead-lettered on the way, once however often this is retried. */
    private List<StatisticsEvent> sound(ConsumerRecords<String, String> records,
            Set<ConsumerRecord<String, String>> deadLettered) {
        List<StatisticsEvent> sound = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                sound.add(recorder.decode(IncomingEvent.of(record)));
            } catch (EventFormatException e) {
                if (!deadLettered.contains(record)) {
                    poison(record, e);
                    deadLettered.add(record);
                }
            }
        }
        return sound;
    }

    private void poison(ConsumerRecord<String, String> record, EventFormatException failure) {
        String position = record.topic() + "-" + record.partition() + "@" + record.offset();
        if (Topics.ROUTING_DECISIONS.equals(record.topic())) {
            registry.counter("hotline.statistics.skipped", "reason", "dead-lettered-by-followups").increment();
            LOG.warnf("statistics: %s left to the follow-ups' consumer's dead letter", position);
            return;
        }
        registry.counter("hotline.inbox.events", "consumer", StatisticsBatches.LIVE, "outcome", "dead-lettered")
                .increment();
        // The format failure's message names the record and what is wrong with it, never the payload.
        String reason = StatisticsBatches.LIVE + " could not process " + position + ": " + failure.getMessage();
        LOG.errorf("%s goes to the dead-letter topic", reason);
        deadLetters.send(record, reason);
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.INTAKE_CALLS, Topics.INTAKE_TIPS, Topics.REFERRALS, Topics.FOLLOWUPS);
    }

    /** A dead letter replayed after a fix: one attempt per live generation, through the inbox, one record alone. */
    @Override
    public ReplayOutcome replay(ConsumerRecord<String, String> record) {
        ReplayOutcome outcome = ReplayOutcome.DUPLICATE;
        for (int generation : QuarkusTransaction.requiringNew().call(generations::live)) {
            ReplayOutcome one = inbox.replay(StatisticsRecorder.consumerName(generation), record,
                    event -> recorder.recordOne(generation, recorder.decode(event)));
            if (one != ReplayOutcome.DUPLICATE) {
                outcome = one;
            }
        }
        return outcome;
    }
}
