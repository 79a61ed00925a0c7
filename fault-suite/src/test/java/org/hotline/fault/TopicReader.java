package org.hotline.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hotline.contracts.CloudEventHeaders;

/**
 * Reads topics straight from the broker, as an outside observer: every record from a given position (the end of each
 * partition when a case began) up to the end of each partition now.
 */
final class TopicReader {

    /** One record with its CloudEvents id and type. */
    record Event(String topic, int partition, long offset, String key, String id, String type, String value) {
    }

    private final String bootstrapServers;

    TopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Where each partition of the topics ends now. */
    Map<TopicPartition, Long> endOffsets(List<String> topics) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            return new HashMap<>(consumer.endOffsets(partitions(consumer, topics)));
        }
    }

    /** Every record of the topics from {@code from} (missing partitions: from the beginning) to the end now. */
    List<Event> read(List<String> topics, Map<TopicPartition, Long> from) {
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topics);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, from.getOrDefault(partition, 0L));
            }
            Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException("Could not read " + topics + " to their end within 3 minutes");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        events.add(new Event(r.topic(), r.partition(), r.offset(), r.key(),
                                header(r, CloudEventHeaders.ID), header(r, CloudEventHeaders.TYPE), r.value()));
                    }
                }
            }
        }
        return events;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        return partitions;
    }

    private KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        // Only what the producers committed, as a transactional reader would see it (the relays do not use
        // transactions, so this is everything acknowledged).
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
