package org.hotline.routing.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline.contracts.Topics;

/**
 * The partners of {@code hotline.routing.partner-topics.organizations}, which read their referral events from Kafka,
 * each from a topic of its own ({@link Topics#partnerReferrals}): an ACL can give a partner that topic and nothing
 * else, whereas the shared {@code hotline.referrals.v1} holds every partner's referrals. An entry that is not an
 * organisation id (a UUID) stops start-up, naming it (organisation ids are not personal data).
 */
@ApplicationScoped
public class KafkaPartners {

    static final String PROPERTY = "hotline.routing.partner-topics.organizations";
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Map<UUID, String> topicByOrganization;

    @Inject
    public KafkaPartners(RoutingConfig config) {
        this(config.partnerTopics().organizations().orElse(List.of()));
    }

    /** From the configured entries, each holding one or more ids separated by commas or white space. */
    public KafkaPartners(List<String> entries) {
        Map<UUID, String> topics = new TreeMap<>();
        for (String entry : entries) {
            for (String id : SEPARATORS.split(entry.strip())) {
                if (id.isEmpty()) {
                    continue;
                }
                if (!UUID_TEXT.matcher(id).matches()) {
                    throw new IllegalArgumentException(PROPERTY + ": '" + id
                            + "' is not an organisation id (a UUID such as 5eed0000-0000-4000-8000-018884287581)");
                }
                UUID organizationId = UUID.fromString(id);
                topics.put(organizationId, Topics.partnerReferrals(organizationId.toString()));
            }
        }
        this.topicByOrganization = Collections.unmodifiableMap(topics);
    }

    /** The organisation's own referrals topic, if it is one of these partners. */
    public Optional<String> topicOf(UUID organizationId) {
        return Optional.ofNullable(topicByOrganization.get(organizationId));
    }

    /** Every partner's topic, sorted. */
    public SortedSet<String> topics() {
        return new TreeSet<>(topicByOrganization.values());
    }
}
