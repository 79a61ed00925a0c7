package org.hotline.followup.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hotline.platform.config.PlatformConfig;
import org.hotline.platform.inbox.PoisonRecordException;

/**
 * Sends the statistics consumer's poison records to this service's dead-letter topic one by one, as SmallRye's
 * dead-letter-queue failure strategy does for a consumer of single records (which the batch channel cannot use: it
 * would send the whole batch): the record's key, value and headers, plus {@code dead-letter-exception-class-name},
 * {@code dead-letter-reason}, {@code dead-letter-topic}, {@code dead-letter-partition} and {@code dead-letter-offset}
 * — the names platform's {@code DeadLetterRedrive} reads the original record back by. Each send waits for the
 * broker's acknowledgement (a failure is retried with the batch), so the batch's offsets are committed only past a
 * poison record that is safely in the dead-letter topic.
 */
@ApplicationScoped
public class StatisticsDeadLetters {

    private final Map<String, Object> kafka;
    private final PlatformConfig platform;
    private KafkaProducer<String, String> producer;

    public StatisticsDeadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafka,
            PlatformConfig platform) {
        this.kafka = kafka;
        this.platform = platform;
    }

    /** Sends the record with its reason (which names the record and the failure, never the payload). */
    public void send(ConsumerRecord<String, String> record, String reason) {
        String topic = platform.inbox().deadLetterTopic()
                .orElseThrow(() -> new IllegalStateException("hotline.inbox.dead-letter-topic is not set"));
        ProducerRecord<String, String> dead = new ProducerRecord<>(topic, null, record.key(), record.value());
        header(dead, "dead-letter-exception-class-name", PoisonRecordException.class.getName());
        header(dead, "dead-letter-reason", reason);
        header(dead, "dead-letter-topic", record.topic());
        header(dead, "dead-letter-partition", Integer.toString(record.partition()));
        header(dead, "dead-letter-offset", Long.toString(record.offset()));
        for (Header header : record.headers()) {
            dead.headers().add(header);
        }
        try {
            producer().send(dead).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("A dead letter could not be sent", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending a dead letter", e);
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            kafka.forEach((name, value) -> {
                if (value != null && ProducerConfig.configNames().contains(name)) {
                    properties.put(name, value);
                }
            });
            properties.put(ProducerConfig.CLIENT_ID_CONFIG, platform.serviceName() + "-statistics-dead-letters");
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
