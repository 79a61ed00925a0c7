package org.hotline.platform.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsResult;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.hotline.platform.SafeThrowables;
import org.jboss.logging.Logger;

/**
 * Whether the topics of a batch exist and may be written, asked of the broker before the relay first sends to a topic.
 * A send to a missing topic would otherwise block the producer for {@code max.block.ms} waiting for its metadata,
 * holding up every row behind it; asked once, a missing topic's rows are refused at once instead.
 */
@ApplicationScoped
public class OutboxTopics {

    private static final Logger LOG = Logger.getLogger(OutboxTopics.class);

    private final Map<String, Object> kafka;
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private Admin admin;

    public OutboxTopics(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = kafka;
    }

    /**
     * The topics among {@code topics} the broker says are missing or may not be written, each with its reason. A
     * topic the broker could not be asked about is left out: its rows are sent and their outcome decides.
     */
    Map<String, String> refused(Set<String> topics, Duration timeout) {
        Map<String, String> refused = new HashMap<>();
        Set<String> unknown = new java.util.HashSet<>(topics);
        unknown.removeAll(known);
        if (unknown.isEmpty()) {
            return refused;
        }
        DescribeTopicsResult result = admin().describeTopics(unknown);
        // One deadline for the whole question: the answers come in one request, and a broker away answers none.
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Map.Entry<String, KafkaFuture<org.apache.kafka.clients.admin.TopicDescription>> topic
                : result.topicNameValues().entrySet()) {
            try {
                topic.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                known.add(topic.getKey());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    refused.put(topic.getKey(), "topic " + topic.getKey() + " does not exist");
                } else if (e.getCause() instanceof AuthorizationException) {
                    refused.put(topic.getKey(), "not authorised to describe or write topic " + topic.getKey());
                } else {
                    LOG.debugf("Topic %s not checked: %s", topic.getKey(), SafeThrowables.describe(e.getCause()));
                }
            } catch (java.util.concurrent.TimeoutException e) {
                LOG.debugf("Topic %s not checked in time: the broker may be away", topic.getKey());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return refused;
            }
        }
        return refused;
    }

    /** The broker acknowledged a record on the topic: it exists and may be written. */
    void written(String topic) {
        known.add(topic);
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Properties properties = new Properties();
            kafka.forEach((name, value) -> {
                if (value != null && AdminClientConfig.configNames().contains(name)) {
                    properties.put(name, value);
                }
            });
            properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "outbox-relay-topics");
            admin = Admin.create(properties);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
