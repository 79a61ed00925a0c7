package org.hotline.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {

    @Test
    void aPartnersTopicIsThePrefixItsOrganisationIdAndTheVersion() {
        assertThat(Topics.partnerReferrals("5eed0000-0000-4000-8000-018884287581"))
                .isEqualTo("hotline.referrals.partner.5eed0000-0000-4000-8000-018884287581.v1")
                .startsWith(Topics.PARTNER_REFERRALS_PREFIX);
        assertThat(Topics.partnerReferralsSpec("a.b_c-D9"))
                .isEqualTo(new Topics.Spec("hotline.referrals.partner.a.b_c-D9.v1", 1, false));
    }

    /** Organisation ids are UUIDs (the directory's, the seed's fixed ones, the generator's): all must pass. */
    @Test
    void everyOrganisationIdShapeOfTheDirectoryMakesALegalTopic() {
        for (int i = 0; i < 1000; i++) {
            String id = UUID.randomUUID().toString();
            assertThat(Topics.partnerReferrals(id)).endsWith("." + id + ".v1");
        }
        assertThat(Topics.partnerReferrals(new UUID(0, 0).toString())).contains("00000000-0000-0000-0000");
    }

    @Test
    void noPartnerTopicIsOneOfTheSystemsOwnTopics() {
        assertThat(Topics.ALL).extracting(Topics.Spec::name)
                .noneMatch(name -> name.startsWith(Topics.PARTNER_REFERRALS_PREFIX));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "slash/id", "star*", "comma,id", "ümlaut", "colon:id", "$id"})
    void anIdThatKafkaWouldRefuseIsRejected(String id) {
        assertThatThrownBy(() -> Topics.partnerReferrals(id)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Organisation id");
    }

    @Test
    void theWholeNameMayHaveAtMost249Characters() {
        int room = 249 - Topics.partnerReferrals("x").length() + 1;
        assertThat(Topics.partnerReferrals("x".repeat(room))).hasSize(249);
        assertThatThrownBy(() -> Topics.partnerReferrals("x".repeat(room + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("249");
        assertThatThrownBy(() -> Topics.partnerReferrals(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
