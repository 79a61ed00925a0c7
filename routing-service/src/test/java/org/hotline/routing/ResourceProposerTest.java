package org.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hotline.contracts.events.RoutingDecided;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.CallerType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.ResourceAudience;
import org.hotline.contracts.vocabulary.ResourceKind;
import org.junit.jupiter.api.Test;

class ResourceProposerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void atMostThreeRankedByTopicsSharedThenAudienceThenTitleAndTheRestPassedOverSayingWhy() {
        CatalogueResource two = resource("B two topics", Set.of("LEGAL", "TRAINING"), Set.of(ResourceAudience.PUBLIC),
                Set.of("en"));
        CatalogueResource specific = resource("C for lawyers", Set.of("TRAINING"), Set.of(ResourceAudience.LEGAL),
                Set.of("en"));
        CatalogueResource publicOne = resource("A public", Set.of("TRAINING"), Set.of(ResourceAudience.PUBLIC),
                Set.of("en-US"));
        CatalogueResource fourth = resource("D public too", Set.of("TRAINING"), Set.of(ResourceAudience.PUBLIC),
                Set.of("en"));
        CatalogueResource medical = resource("E clinicians", Set.of("TRAINING"), Set.of(ResourceAudience.MEDICAL),
                Set.of("en"));
        CatalogueResource unrelated = resource("F shelters", Set.of("SHELTER"), Set.of(ResourceAudience.PUBLIC),
                Set.of("en"));

        ResourceProposer.Proposal proposal = ResourceProposer.propose(contact(CallType.TRAINING_TA,
                CallerType.LEGAL_PROFESSIONAL, "en", Set.of(Need.LEGAL)),
                List.of(fourth, publicOne, medical, unrelated, specific, two), TODAY);

        assertThat(proposal.resources()).extracting(RoutingDecided.ProposedResource::title)
                .containsExactly("B two topics", "C for lawyers", "A public");
        assertThat(proposal.rules()).contains(
                "resources: topics [LEGAL, TRAINING], audience LEGAL, language en",
                "resource: B two topics (topic LEGAL, TRAINING; for the public; in en; FACT_SHEET)",
                "resource: C for lawyers (topic TRAINING; for LEGAL; in en; FACT_SHEET)",
                "passed over resource: E clinicians (written for [MEDICAL], not LEGAL)",
                "passed over resource: D public too (ranked below 3 better resources)",
                "not examined: 1 resource shares no topic with the contact");
    }

    @Test
    void englishMakesUpTheNumberWhenTooFewAreInTheContactsLanguage() {
        CatalogueResource spanish = resource("Guía", Set.of("INFORMATION"), Set.of(ResourceAudience.PUBLIC),
                Set.of("es"));
        CatalogueResource english = resource("Guide", Set.of("INFORMATION"), Set.of(ResourceAudience.PUBLIC),
                Set.of("en"));
        CatalogueResource french = resource("Fiche", Set.of("INFORMATION"), Set.of(ResourceAudience.PUBLIC),
                Set.of("fr"));

        ResourceProposer.Proposal proposal = ResourceProposer.propose(contact(CallType.GENERAL_INFO, null, "es-MX",
                Set.of()), List.of(english, french, spanish), TODAY);

        assertThat(proposal.resources()).extracting(RoutingDecided.ProposedResource::title)
                .containsExactly("Guía", "Guide");
        assertThat(proposal.resources().get(1).reason()).contains("in English: too few in es");
        assertThat(proposal.rules()).contains("passed over resource: Fiche (not in es nor English)");
    }

    @Test
    void neitherARetiredNorADraftNorALinklessResourceNorAnotherCallTypeIsProposed() {
        CatalogueResource retired = new CatalogueResource(UUID.randomUUID(), "Retired", ResourceKind.VIDEO,
                Set.of("INFORMATION"), Set.of(ResourceAudience.PUBLIC), Set.of("en"), "https://example.org/r",
                LocalDate.of(2020, 1, 1), TODAY);
        CatalogueResource draft = new CatalogueResource(UUID.randomUUID(), "Draft", ResourceKind.VIDEO,
                Set.of("INFORMATION"), Set.of(ResourceAudience.PUBLIC), Set.of("en"), "https://example.org/d",
                TODAY.plusDays(1), null);
        CatalogueResource linkless = new CatalogueResource(UUID.randomUUID(), "No file", ResourceKind.VIDEO,
                Set.of("INFORMATION"), Set.of(ResourceAudience.PUBLIC), Set.of("en"), null,
                LocalDate.of(2020, 1, 1), null);
        ContactFacts info = contact(CallType.GENERAL_INFO, CallerType.STUDENT, null, Set.of());

        ResourceProposer.Proposal proposal = ResourceProposer.propose(info, List.of(retired, draft, linkless), TODAY);

        assertThat(proposal.resources()).isEmpty();
        assertThat(proposal.rules()).contains("passed over resource: Retired (retired)",
                "passed over resource: Draft (not published yet)",
                "passed over resource: No file (no link or file to send yet)",
                "no resource to propose: none published for PUBLIC covers [INFORMATION]");
        assertThat(ResourceProposer.propose(contact(CallType.CRISIS, null, "en", Set.of(Need.INFORMATION)),
                List.of(resource("Any", Set.of("INFORMATION"), Set.of(ResourceAudience.PUBLIC), Set.of("en"))),
                TODAY)).isEqualTo(new ResourceProposer.Proposal(List.of(), List.of()));
    }

    @Test
    void aTipAskingForInformationIsProposedResourcesAndOneThatDoesNotIsNot() {
        CatalogueResource guide = resource("Guide", Set.of("INFORMATION"), Set.of(ResourceAudience.PUBLIC),
                Set.of("en"));
        assertThat(ResourceProposer.propose(contact(CallType.TIP, null, "en", Set.of(Need.INFORMATION)),
                List.of(guide), TODAY).resources()).extracting(RoutingDecided.ProposedResource::title)
                .containsExactly("Guide");
        assertThat(ResourceProposer.propose(contact(CallType.TIP, null, "en", Set.of(Need.SHELTER)),
                List.of(guide), TODAY).rules()).isEmpty();
    }

    private static CatalogueResource resource(String title, Set<String> topics, Set<ResourceAudience> audiences,
            Set<String> languages) {
        return new CatalogueResource(UUID.randomUUID(), title, ResourceKind.FACT_SHEET, topics, audiences, languages,
                "https://example.org/" + title.replace(' ', '-'), LocalDate.of(2020, 1, 1), null);
    }

    private static ContactFacts contact(CallType type, CallerType callerType, String language, Set<Need> needs) {
        return new ContactFacts("CALL-TEST", ContactKind.CALL, type, callerType, null, Channel.PHONE,
                Instant.parse("2026-12-03T15:00:00Z"), false, Set.of(), needs, null, false, false, language);
    }
}
