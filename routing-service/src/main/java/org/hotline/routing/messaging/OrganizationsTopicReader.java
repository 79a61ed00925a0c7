package org.hotline.routing.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hotline.contracts.Topics;

/**
 * Reads the compacted organisations topic from its beginning to its end offsets as they stand when the read starts,
 * with a consumer of its own (assigned every partition, no group, no committed offsets, committed records only), so
 * the live consumer and its group are left alone. Records published after the start are the live consumer's.
 */
@ApplicationScoped
public class OrganizationsTopicReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> kafka;

    public OrganizationsTopicReader(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = kafka;
    }

    /**
     * Hands every record below the end offsets to {@code each}, in offset order per partition, and returns the end
     * offsets by partition number.
     *
     * @throws TimeoutException when the end is not reached by {@code deadline}
     */
    public long[] readToEnd(Consumer<ConsumerRecord<String, String>> each, Instant deadline) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties(), new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(Topics.DIRECTORY_ORGANIZATIONS)) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // With read_committed these are the last stable offsets: nothing below them is still undecided.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long[] endOffsets = new long[partitions.stream().mapToInt(TopicPartition::partition).max().orElse(-1) + 1];
            end.forEach((partition, offset) -> endOffsets[partition.partition()] = offset);

            List<TopicPartition> reading = new ArrayList<>(partitions);
            while (true) {
                List<TopicPartition> done = reading.stream().filter(p -> consumer.position(p) >= end.get(p)).toList();
                if (!done.isEmpty()) {
                    consumer.pause(done);
                    reading.removeAll(done);
                }
                if (reading.isEmpty()) {
                    return endOffsets;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new TimeoutException("The organisations topic was not read to its end in time");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                    }
                }
            }
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        kafka.forEach((name, value) -> {
            if (value != null) {
                properties.put(name, value);
            }
        });
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "routing-directory-rebuild");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        return properties;
    }
}
