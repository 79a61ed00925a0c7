package org.hotline.followup.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hotline.followup.config.StatisticsConfig;
import org.hotline.contracts.EventFormatException;
import org.hotline.followup.messaging.StatisticsConsumer;
import org.hotline.followup.repository.StatisticsGenerationRepository;
import org.hotline.followup.repository.StatisticsGenerationRepository.Generation;
import org.hotline.followup.service.StatisticsRecorder.StatisticsEvent;
import org.hotline.platform.SafeThrowables;
import org.hotline.platform.config.PlatformConfig;
import org.hotline.platform.inbox.IncomingEvent;
import org.hotline.platform.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Rebuilds the statistics read model from the topics, on demand: a fresh generation (fresh partitions of every
 * read-model table) is filled by reading every statistics topic from its beginning to its end offsets as they stand
 * once the generation exists, a poll's batch per transaction, while the live consumer counts newer events into it as
 * well; then it becomes the active generation in one transaction and the previous one's tables are dropped.
 * Duplicates (a record read by both, or published twice) are dropped by event id per generation. A rebuild only
 * counts what the topics still hold: their retention must cover the period.
 */
@ApplicationScoped
public class StatisticsRebuild {

    private static final Logger LOG = Logger.getLogger(StatisticsRebuild.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final StatisticsGenerationRepository generations;
    private final StatisticsBatches batches;
    private final StatisticsRecorder recorder;
    private final StatisticsConfig config;
    private final PlatformConfig platform;
    private final Map<String, Object> kafka;
    private final Clock clock;
    private final MeterRegistry registry;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "statistics-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;

    public StatisticsRebuild(StatisticsGenerationRepository generations, StatisticsBatches batches,
            StatisticsRecorder recorder, StatisticsConfig config, PlatformConfig platform,
            @Identifier("default-kafka-broker") Map<String, Object> kafka, Clock clock, MeterRegistry registry) {
        this.generations = generations;
        this.batches = batches;
        this.recorder = recorder;
        this.config = config;
        this.platform = platform;
        this.kafka = kafka;
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * Starts a rebuild and answers its generation. 409 while another one runs; one whose instance stopped reporting
     * for {@code hotline.statistics.rebuild.stale-after} is marked failed and its tables dropped first.
     */
    public Generation start(String requestedBy) {
        int id = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            Optional<Generation> running = generations.building();
            if (running.isPresent()) {
                if (running.get().heartbeatAt().plus(config.rebuild().staleAfter()).isAfter(now)) {
                    throw new ProblemException(409, "rebuild-running", "A rebuild is running",
                            "Statistics generation " + running.get().id() + " is being rebuilt; wait for it to finish");
                }
                generations.fail(running.get().id(), now);
                generations.dropTables(running.get().id());
                LOG.warnf("Statistics rebuild of generation %d stopped reporting: marked failed", running.get().id());
            }
            return generations.startBuilding(requestedBy, now);
        });
        executor.submit(() -> run(id));
        return status(id).orElseThrow();
    }

    public Optional<Generation> status(int id) {
        return QuarkusTransaction.requiringNew().call(() -> generations.find(id));
    }

    @PreDestroy
    void stop() {
        stopping = true;
        executor.shutdownNow();
    }

    private void run(int generation) {
        long read = 0;
        long skipped = 0;
        Instant started = clock.instant();
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(properties(), new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : StatisticsConsumer.TOPICS) {
                for (PartitionInfo info : reader.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(info.topic(), info.partition()));
                }
            }
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            // Read after the generation committed: newer events reach it through the live consumer.
            Map<TopicPartition, Long> end = reader.endOffsets(partitions);
            Instant reported = clock.instant();
            while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p))) {
                List<StatisticsEvent> batch = new ArrayList<>();
                for (ConsumerRecord<String, String> record : reader.poll(config.rebuild().pollTimeout())) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    read++;
                    try {
                        batch.add(recorder.decode(IncomingEvent.of(record)));
                    } catch (EventFormatException e) {
                        // In the dead-letter topic already (or left to the decisions consumer's).
                        skipped++;
                    }
                }
                // A poll's records in one transaction, as the live consumer counts them.
                batches.applyTo(generation, batch, () -> stopping);
                if (stopping) {
                    throw new IllegalStateException("stopping");
                }
                if (Duration.between(reported, clock.instant()).compareTo(PROGRESS_EVERY) >= 0) {
                    long r = read;
                    long s = skipped;
                    QuarkusTransaction.requiringNew().run(() -> generations.reportProgress(generation, r, s,
                            clock.instant()));
                    reported = clock.instant();
                }
            }
            long r = read;
            long s = skipped;
            Optional<Integer> retired = QuarkusTransaction.requiringNew().call(() -> {
                generations.reportProgress(generation, r, s, clock.instant());
                return generations.activate(generation, clock.instant());
            });
            retired.ifPresent(old -> QuarkusTransaction.requiringNew().run(() -> generations.dropTables(old)));
            registry.counter("hotline.statistics.rebuilds", "outcome", "done").increment();
            LOG.infof("Statistics generation %d rebuilt from %d events (%d never processable) in %s; generation %s "
                    + "retired", generation, read, skipped, Duration.between(started, clock.instant()),
                    retired.map(String::valueOf).orElse("none"));
        } catch (RuntimeException e) {
            registry.counter("hotline.statistics.rebuilds", "outcome", "failed").increment();
            LOG.errorf("Statistics rebuild of generation %d failed after %d events: %s", generation, read,
                    SafeThrowables.describe(e));
            if (!stopping) {
                QuarkusTransaction.requiringNew().run(() -> {
                    generations.fail(generation, clock.instant());
                    generations.dropTables(generation);
                });
            }
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        kafka.forEach((name, value) -> {
            if (value != null && ConsumerConfig.configNames().contains(name)) {
                properties.put(name, value);
            }
        });
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, platform.serviceName() + "-statistics-rebuild");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        return properties;
    }
}
