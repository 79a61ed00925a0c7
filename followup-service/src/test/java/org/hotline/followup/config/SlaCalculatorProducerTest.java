package org.hotline.followup.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.hotline.calendar.SlaPolicy;
import org.junit.jupiter.api.Test;

/** The SLA policy: the hotline's promise unless a setting overrides it, each setting its own default only. */
class SlaCalculatorProducerTest {

    @Test
    void withoutSettingsTheHotlinePromiseApplies() {
        assertThat(SlaCalculatorProducer.policy(sla(null, null))).isEqualTo(SlaPolicy.hotlineDefault());
    }

    @Test
    void eachSettingOverridesItsDefaultOnly() {
        SlaPolicy policy = SlaCalculatorProducer.policy(sla(null, Duration.ofHours(40)));
        assertThat(policy.target()).isEqualTo(Duration.ofHours(20));
        assertThat(policy.breach()).isEqualTo(Duration.ofHours(40));
    }

    private static FollowupConfig.Sla sla(Duration target, Duration breach) {
        return new FollowupConfig.Sla() {
            public Optional<Duration> target() {
                return Optional.ofNullable(target);
            }

            public Optional<Duration> breach() {
                return Optional.ofNullable(breach);
            }
        };
    }
}
