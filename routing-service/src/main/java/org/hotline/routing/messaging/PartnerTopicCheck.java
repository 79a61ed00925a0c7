package org.hotline.routing.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.hotline.contracts.Topics;
import org.hotline.platform.SafeThrowables;
import org.hotline.routing.config.KafkaPartners;
import org.hotline.routing.config.RoutingConfig;
import org.jboss.logging.Logger;

/**
 * Start-up fails while a configured partner's topic is missing, naming it. Without this check the first referral
 * event for that partner would stop the outbox relay: brokers here never create topics on their own, so the producer
 * waits for the topic, the batch fails and is retried, and every later event of this service (decisions and the
 * shared referrals topic included) waits behind it until the topic exists. Kafka that cannot be reached is no reason
 * to refuse to start (the relay waits for it anyway): that is only logged.
 */
@ApplicationScoped
public class PartnerTopicCheck {

    private static final Logger LOG = Logger.getLogger(PartnerTopicCheck.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final KafkaPartners partners;
    private final Duration wait;
    private final Map<String, Object> kafka;

    public PartnerTopicCheck(KafkaPartners partners, RoutingConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.partners = partners;
        this.wait = config.partnerTopics().startupWait();
        this.kafka = kafka;
    }

    void onStart(@Observes StartupEvent startup) {
        SortedSet<String> topics = partners.topics();
        if (topics.isEmpty()) {
            return;
        }
        Outcome outcome;
        try (Admin admin = Admin.create(adminProperties())) {
            outcome = check(admin, topics, wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!outcome.missing().isEmpty()) {
            throw new IllegalStateException("Partner topics missing: " + String.join(", ", outcome.missing())
                    + ". Create them (deploy/README.md, \"Partners on Kafka\") and give routing-service Write and "
                    + "Describe on the prefix " + Topics.PARTNER_REFERRALS_PREFIX
                    + ", or remove the organisations from hotline.routing.partner-topics.organizations");
        }
        if (outcome.unreachable()) {
            LOG.warnf("Could not check that the %d partner topics exist: Kafka did not answer", topics.size());
        } else {
            LOG.infof("Partner topics present: %s", String.join(", ", topics));
        }
    }

    /** What the broker said: the topics it does not list, or that it never answered. */
    record Outcome(SortedSet<String> missing, boolean unreachable) {
    }

    /**
     * Lists the broker's topics until every one wanted is there or {@code wait} has passed. A topic the principal may
     * not Describe is not listed, so it counts as missing too.
     */
    static Outcome check(Admin admin, Set<String> wanted, Duration wait) throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            Optional<Set<String>> listed = listTopics(admin, deadline);
            boolean late = !Instant.now().isBefore(deadline);
            if (listed.isPresent()) {
                SortedSet<String> missing = new TreeSet<>(wanted);
                missing.removeAll(listed.get());
                if (missing.isEmpty() || late) {
                    return new Outcome(missing, false);
                }
            } else if (late) {
                return new Outcome(new TreeSet<>(), true);
            }
            Thread.sleep(RETRY.toMillis());
        }
    }

    /** The topics the broker lists, or empty when it did not answer in time. */
    private static Optional<Set<String>> listTopics(Admin admin, Instant deadline) throws InterruptedException {
        long remaining = Math.max(1000, Duration.between(Instant.now(), deadline).toMillis());
        try {
            return Optional.of(admin.listTopics(new ListTopicsOptions().timeoutMs((int) Math.min(remaining, 30_000)))
                    .names().get(remaining, TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            LOG.debugf("Listing topics failed: %s", SafeThrowables.describe(e));
            return Optional.empty();
        }
    }

    private Properties adminProperties() {
        Properties properties = new Properties();
        kafka.forEach((name, value) -> {
            if (value != null && AdminClientConfig.configNames().contains(name)) {
                properties.put(name, value);
            }
        });
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "routing-partner-topic-check");
        return properties;
    }
}
