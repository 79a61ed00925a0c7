package org.hotline.followup.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

/** The keys the README documents bind to the mapping, and absent keys stay empty. */
class FollowupConfigTest {

    @Test
    void documentedKeysBind() {
        FollowupConfig config = mapping(Map.ofEntries(
                Map.entry("hotline.followup.sla.target", "PT16H"),
                Map.entry("hotline.followup.sla.breach", "PT24H"),
                Map.entry("hotline.followup.deadlines.every", "2s"),
                Map.entry("hotline.followup.deadlines.batch-size", "50"),
                Map.entry("hotline.followup.backlog.max-age", "PT2S"),
                Map.entry("hotline.followup.intake-url", "http://intake.internal:8080")));
        assertThat(config.sla().target()).contains(Duration.ofHours(16));
        assertThat(config.sla().breach()).contains(Duration.ofHours(24));
        assertThat(config.deadlines().every()).isEqualTo("2s");
        assertThat(config.deadlines().batchSize()).isEqualTo(50);
        assertThat(config.backlog().maxAge()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.intakeUrl()).isEqualTo("http://intake.internal:8080");
    }

    @Test
    void absentKeysAreEmpty() {
        FollowupConfig config = mapping(Map.of());
        assertThat(config.sla().target()).isEmpty();
        assertThat(config.deadlines().every()).isEqualTo("5s");
        assertThat(config.deadlines().batchSize()).isEqualTo(100);
        assertThat(config.backlog().maxAge()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.intakeUrl()).isEqualTo("http://localhost:8080");
    }

    private static FollowupConfig mapping(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(FollowupConfig.class)
                .build();
        return config.getConfigMapping(FollowupConfig.class);
    }
}
