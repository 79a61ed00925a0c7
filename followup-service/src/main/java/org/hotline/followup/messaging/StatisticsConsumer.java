package org.hotline.followup.messaging;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hotline.contracts.Topics;
import org.hotline.followup.repository.StatisticsGenerationRepository;
import org.hotline.followup.service.StatisticsRecorder;
import org.hotline.platform.inbox.DeadLetterReplayer;
import org.hotline.platform.inbox.InboxProcessor;
import org.hotline.platform.inbox.InboxProcessor.ReplayOutcome;
import org.hotline.platform.inbox.PoisonRecordException;
import org.jboss.logging.Logger;

/**
 * Feeds the statistics read model from the event topics (consumer group {@code followup-service-statistics}, apart
 * from the follow-ups' own consumer). Each event is counted once per generation: the inbox records its id under the
 * generation's consumer name ({@value #CONSUMER_PREFIX}{@code <generation>}) in the same transaction as the counts.
 * While a rebuild runs, live events are counted into both the active generation and the one being built.
 *
 * <p>A record that can never be processed goes to the dead-letter topic, except on the decisions topic: there the
 * follow-ups' own consumer in this service dead-letters the same record already, and a redrive replays it to that
 * consumer; after such a fix, a rebuild counts it here.
 */
@ApplicationScoped
public class StatisticsConsumer implements DeadLetterReplayer {

    public static final String CONSUMER_PREFIX = "followup-statistics-g";
    /** The topics the read model is built from (the rebuild reads the same). */
    public static final List<String> TOPICS = List.of(Topics.INTAKE_CALLS, Topics.INTAKE_TIPS,
            Topics.ROUTING_DECISIONS, Topics.REFERRALS, Topics.FOLLOWUPS);

    private static final Logger LOG = Logger.getLogger(StatisticsConsumer.class);

    private final InboxProcessor inbox;
    private final StatisticsRecorder recorder;
    private final StatisticsGenerationRepository generations;
    private final MeterRegistry registry;

    public StatisticsConsumer(InboxProcessor inbox, StatisticsRecorder recorder,
            StatisticsGenerationRepository generations, MeterRegistry registry) {
        this.inbox = inbox;
        this.recorder = recorder;
        this.generations = generations;
        this.registry = registry;
    }

    public static String consumerName(int generation) {
        return CONSUMER_PREFIX + generation;
    }

    @Incoming("statistics")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        try {
            for (int generation : QuarkusTransaction.requiringNew().call(generations::live)) {
                inbox.process(consumerName(generation), record, event -> recorder.record(generation, event.type(),
                        event.id(), event.payload()));
            }
        } catch (PoisonRecordException e) {
            if (!Topics.ROUTING_DECISIONS.equals(record.topic())) {
                throw e;
            }
            registry.counter("hotline.statistics.skipped", "reason", "dead-lettered-by-followups").increment();
            LOG.warnf("statistics: %s-%d@%d left to the follow-ups' consumer's dead letter", record.topic(),
                    record.partition(), record.offset());
        }
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.INTAKE_CALLS, Topics.INTAKE_TIPS, Topics.REFERRALS, Topics.FOLLOWUPS);
    }

    @Override
    public ReplayOutcome replay(ConsumerRecord<String, String> record) {
        ReplayOutcome outcome = ReplayOutcome.DUPLICATE;
        for (int generation : QuarkusTransaction.requiringNew().call(generations::live)) {
            ReplayOutcome one = replayInto(generation, record);
            if (one != ReplayOutcome.DUPLICATE) {
                outcome = one;
            }
        }
        return outcome;
    }

    /** One attempt at a record for one generation (dead-letter redrive, rebuild). */
    public ReplayOutcome replayInto(int generation, ConsumerRecord<String, String> record) {
        return inbox.replay(consumerName(generation), record, event -> recorder.record(generation, event.type(),
                event.id(), event.payload()));
    }
}
