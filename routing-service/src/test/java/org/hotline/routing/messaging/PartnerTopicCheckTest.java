package org.hotline.routing.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.hotline.contracts.Topics;
import org.hotline.testsupport.EmbeddedKafka;
import org.junit.jupiter.api.Test;

/** Against the test JVM's real broker (which never creates a topic by itself): what start-up finds missing. */
class PartnerTopicCheckTest {

    @Test
    void aTopicThatExistsPassesAndAMissingOneIsNamedOnceTheWaitIsOver() throws Exception {
        String present = Topics.partnerReferrals(UUID.randomUUID().toString());
        String missing = Topics.partnerReferrals(UUID.randomUUID().toString());
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        kafka.createTopics(List.of(new Topics.Spec(present, Topics.PARTNER_REFERRALS_PARTITIONS, false)));

        try (Admin admin = kafka.admin()) {
            assertThat(PartnerTopicCheck.check(admin, Set.of(present), Duration.ofSeconds(5)))
                    .isEqualTo(new PartnerTopicCheck.Outcome(new TreeSet<>(), false));

            PartnerTopicCheck.Outcome outcome = PartnerTopicCheck.check(admin, Set.of(present, missing),
                    Duration.ofSeconds(2));
            assertThat(outcome.missing()).containsExactly(missing);
            assertThat(outcome.unreachable()).isFalse();
        }
    }

    @Test
    void aTopicCreatedWhileStartUpWaitsIsFound() throws Exception {
        String organizationId = UUID.randomUUID().toString();
        String late = Topics.partnerReferrals(organizationId);
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        Thread creator = new Thread(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                return;
            }
            kafka.createTopics(List.of(Topics.partnerReferralsSpec(organizationId)));
        });
        creator.start();
        try (Admin admin = kafka.admin()) {
            PartnerTopicCheck.Outcome outcome = PartnerTopicCheck.check(admin, Set.of(late), Duration.ofSeconds(30));
            assertThat(outcome.missing()).isEmpty();
            assertThat(outcome.unreachable()).isFalse();
        } finally {
            creator.join();
        }
    }

    @Test
    void kafkaThatDoesNotAnswerIsReportedAsUnreachableNotAsMissingTopics() throws Exception {
        Properties properties = new Properties();
        // Nothing listens there: the check cannot tell whether the topic exists.
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        try (Admin admin = Admin.create(properties)) {
            PartnerTopicCheck.Outcome outcome = PartnerTopicCheck.check(admin,
                    Set.of(Topics.partnerReferrals(UUID.randomUUID().toString())), Duration.ofSeconds(2));
            assertThat(outcome.unreachable()).isTrue();
            assertThat(outcome.missing()).isEmpty();
        }
    }
}
