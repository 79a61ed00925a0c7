package org.hotline.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hotline.platform.config.PlatformConfig;
import org.hotline.platform.inbox.InboxProcessor.ReplayOutcome;
import org.hotline.platform.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Replays this service's dead-letter topic after a fix: every record in it, as it stands when the redrive starts, is
 * handed back to the consumer of the topic it came from, once. What was applied meanwhile (or by an earlier redrive) is
 * a duplicate and changes nothing; what still cannot be processed stays where it is, in the dead-letter topic. The
 * topic is read by a consumer of its own (assigned, no group), so nothing is committed and a redrive can be repeated.
 */
@ApplicationScoped
public class DeadLetterRedrive {

    private static final Logger LOG = Logger.getLogger(DeadLetterRedrive.class);
    private static final String ORIGINAL_TOPIC = "dead-letter-topic";
    private static final String ORIGINAL_PARTITION = "dead-letter-partition";
    private static final String ORIGINAL_OFFSET = "dead-letter-offset";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration MAX_READ = Duration.ofMinutes(2);

    private final Map<String, Object> kafka;
    private final PlatformConfig config;
    private final Instance<DeadLetterReplayer> replayers;

    public DeadLetterRedrive(@Identifier("default-kafka-broker") Map<String, Object> kafka, PlatformConfig config,
            Instance<DeadLetterReplayer> replayers) {
        this.kafka = kafka;
        this.config = config;
        this.replayers = replayers;
    }

    /** Replays every dead letter below the topic's end offsets as they are now, and says what each came to. */
    public synchronized Result redrive() {
        String topic = config.inbox().deadLetterTopic().orElseThrow(() -> new ProblemException(404, "not-found",
                "Not found", "This service consumes no topic, so it has no dead-letter topic"));
        Map<ReplayOutcome, Integer> outcomes = new EnumMap<>(ReplayOutcome.class);
        int unroutable = 0;
        int read = 0;
        Instant deadline = Instant.now().plus(MAX_READ);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties(), new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new ProblemException(503, "redrive-incomplete", "Redrive incomplete",
                            "The dead-letter topic was not read to its end in time; run the redrive again");
                }
                for (ConsumerRecord<String, String> dead : consumer.poll(POLL)) {
                    if (dead.offset() >= end.get(new TopicPartition(dead.topic(), dead.partition()))) {
                        continue;
                    }
                    read++;
                    Optional<ConsumerRecord<String, String>> original = original(dead);
                    Optional<DeadLetterReplayer> replayer = original.flatMap(this::replayerOf);
                    if (replayer.isEmpty()) {
                        unroutable++;
                        continue;
                    }
                    outcomes.merge(replayer.get().replay(original.get()), 1, Integer::sum);
                }
            }
        }
        Result result = new Result(read, outcomes.getOrDefault(ReplayOutcome.APPLIED, 0),
                outcomes.getOrDefault(ReplayOutcome.DUPLICATE, 0), outcomes.getOrDefault(ReplayOutcome.STILL_POISON, 0),
                outcomes.getOrDefault(ReplayOutcome.FAILED, 0) + unroutable);
        LOG.infof("Dead-letter redrive of %s: %s", topic, result);
        return result;
    }

    private Optional<DeadLetterReplayer> replayerOf(ConsumerRecord<String, String> record) {
        return replayers.stream().filter(r -> r.topics().contains(record.topic())).findFirst();
    }

    /** The record as it was on the topic it came from, without the dead-letter headers. */
    private static Optional<ConsumerRecord<String, String>> original(ConsumerRecord<String, String> dead) {
        String topic = header(dead, ORIGINAL_TOPIC);
        if (topic == null) {
            return Optional.empty();
        }
        int partition = parse(header(dead, ORIGINAL_PARTITION), -1);
        long offset = parse(header(dead, ORIGINAL_OFFSET), -1);
        RecordHeaders headers = new RecordHeaders();
        for (Header header : dead.headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                headers.add(header);
            }
        }
        return Optional.of(new ConsumerRecord<>(topic, partition, offset, dead.timestamp(), TimestampType.CREATE_TIME,
                -1, -1, dead.key(), dead.value(), headers, Optional.empty()));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int parse(String value, int otherwise) {
        try {
            return value == null ? otherwise : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return otherwise;
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
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-dead-letter-redrive");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return properties;
    }

    /**
     * What a redrive did: dead letters read, applied now, already applied before (duplicates), still poison (they stay
     * in the dead-letter topic), and failed for another reason (retry the redrive once the cause is gone).
     */
    public record Result(int read, int applied, int duplicates, int stillPoison, int failed) {
    }
}
