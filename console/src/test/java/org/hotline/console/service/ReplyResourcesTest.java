package org.hotline.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hotline.console.client.Decision;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.ResourceKind;
import org.hotline.contracts.vocabulary.Urgency;
import org.junit.jupiter.api.Test;

class ReplyResourcesTest {

    private static final UUID CARD = UUID.fromString("5eed0002-0000-4000-8000-000000000001");
    private static final UUID CHART = UUID.fromString("5eed0002-0000-4000-8000-000000000002");
    private static final UUID NO_LINK = UUID.fromString("5eed0002-0000-4000-8000-000000000009");

    private final Decision decision = new Decision("TIP-1", Urgency.NON_URGENT, Handling.IN_HOURS, false, false,
            List.of(), List.of(), Instant.parse("2026-12-03T15:00:00Z"), List.of(
                    new Decision.ProposedResource(CARD, "Key numbers", ResourceKind.HOTLINE_CARD,
                            "https://polarisproject.org/", "topic INFORMATION"),
                    new Decision.ProposedResource(CHART, "Services chart", ResourceKind.FACT_SHEET,
                            "https://humantraffickinghotline.org/", "topic INFORMATION"),
                    new Decision.ProposedResource(NO_LINK, "Draft", ResourceKind.VIDEO, null, "topic INFORMATION")));

    @Test
    void theTickedResourcesOfTheDecisionFollowTheTextInTheDecisionsOrder() {
        assertThat(ReplyResources.compose(" Thank you for asking. ", decision,
                List.of(CHART.toString(), CARD.toString())))
                .isEqualTo("Thank you for asking.\n\nResources:\n- Key numbers: https://polarisproject.org/\n"
                        + "- Services chart: https://humantraffickinghotline.org/");
    }

    @Test
    void onlyTheDecisionsOwnResourcesWithALinkCanBeAddedAndAloneTheyMakeTheReply() {
        assertThat(ReplyResources.compose("", decision, List.of(CARD.toString(), NO_LINK.toString(),
                UUID.randomUUID().toString(), "https://evil.example/")))
                .isEqualTo("Resources:\n- Key numbers: https://polarisproject.org/");
        assertThat(ReplyResources.compose("Text", null, List.of(CARD.toString()))).isEqualTo("Text");
        assertThat(ReplyResources.compose("Text", decision, List.of())).isEqualTo("Text");
    }
}
