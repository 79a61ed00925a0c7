package org.hotline.routing.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

/** Which partners get their own referrals topic: none as shipped; ids as operators write them, checked at start. */
class KafkaPartnersTest {

    private static final UUID TASK_FORCE = UUID.fromString("5eed0000-0000-4000-8000-018884287581");
    private static final UUID COALITION = UUID.fromString("5eed0000-0000-4000-8000-00000000ccc5");

    @Test
    void asShippedNoPartnerHasATopic() throws IOException {
        KafkaPartners partners = new KafkaPartners(config(Map.of()));

        assertThat(partners.topics()).isEmpty();
        assertThat(partners.topicOf(TASK_FORCE)).isEmpty();
        assertThat(config(Map.of()).partnerTopics().startupWait()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void idsSeparatedByCommasOrSpacesInAnyCaseNameTheirTopics() throws IOException {
        // As docker-compose.yml hands HOTLINE_KAFKA_PARTNERS over: the operator's own separators.
        KafkaPartners partners = new KafkaPartners(config(Map.of("hotline.routing.partner-topics.organizations",
                " " + TASK_FORCE.toString().toUpperCase() + "  " + COALITION + " ,")));

        assertThat(partners.topics()).containsExactly(
                "hotline.referrals.partner.5eed0000-0000-4000-8000-00000000ccc5.v1",
                "hotline.referrals.partner.5eed0000-0000-4000-8000-018884287581.v1");
        assertThat(partners.topicOf(TASK_FORCE)).contains(
                "hotline.referrals.partner.5eed0000-0000-4000-8000-018884287581.v1");
        assertThat(partners.topicOf(UUID.randomUUID())).isEmpty();
        assertThat(new KafkaPartners(List.of(TASK_FORCE + "," + COALITION)).topics()).hasSize(2);
    }

    @Test
    void anEntryThatIsNotAnOrganisationIdStopsStartUpNamingIt() {
        for (String wrong : List.of("task-force", "5eed0000-0000-4000-8000-01888428758", "1-2-3-4-5",
                TASK_FORCE + "/x")) {
            assertThatThrownBy(() -> new KafkaPartners(List.of(TASK_FORCE.toString(), wrong)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("hotline.routing.partner-topics.organizations")
                    .hasMessageContaining("'" + wrong + "'");
        }
    }

    private static RoutingConfig config(Map<String, String> overrides) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(
                        KafkaPartnersTest.class.getClassLoader().getResource("application.properties"), 100))
                .withSources(new PropertiesConfigSource(overrides, "operator overrides", 500))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(RoutingConfig.class)
                .build();
        return config.getConfigMapping(RoutingConfig.class);
    }
}
