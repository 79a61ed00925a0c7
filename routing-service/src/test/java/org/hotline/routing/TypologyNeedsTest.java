package org.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.hotline.contracts.events.CallReceived;
import org.hotline.contracts.events.TipReceived;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.contracts.vocabulary.Typology;
import org.junit.jupiter.api.Test;

class TypologyNeedsTest {

    private static final Instant T0 = Instant.parse("2026-12-03T15:00:00Z");

    @Test
    void farmWorkAddsLabourRightsAndLegalHelpToATip() {
        TipReceived tip = new TipReceived("TIP-7K3M9Q2XH4", T0, Channel.WEB_FORM, TraffickingType.LABOR, Set.of(),
                Set.of(Need.SHELTER), null, true, null, "en", false, null, Typology.AGRICULTURE_ANIMAL_HUSBANDRY);
        assertThat(ContactFacts.of(tip).needs()).containsExactlyInAnyOrder(Need.SHELTER, Need.LABOR_RIGHTS,
                Need.LEGAL);
    }

    @Test
    void domesticWorkOnACallAddsLabourAndLegalAndForcedMarriageDomesticViolenceServices() {
        CallReceived call = new CallReceived("CALL-4K2M9Q2XH4", T0, CallType.TIP, null, Channel.PHONE, false, Set.of(),
                Set.of(), null, "en", false, false, null, Typology.DOMESTIC_WORK);
        assertThat(ContactFacts.of(call).needs()).containsExactlyInAnyOrder(Need.LABOR_RIGHTS, Need.LEGAL);
        assertThat(TypologyNeeds.with(Set.of(), Typology.PERSONAL_SEXUAL_SERVITUDE))
                .containsExactlyInAnyOrder(Need.DOMESTIC_VIOLENCE, Need.LEGAL);
    }

    @Test
    void withoutATypeOrWithASexTradeTypeTheNeedsStayTheReportersOwn() {
        assertThat(TypologyNeeds.with(Set.of(Need.MEDICAL), null)).containsExactly(Need.MEDICAL);
        assertThat(TypologyNeeds.with(Set.of(Need.MEDICAL), Typology.ESCORT_SERVICES)).containsExactly(Need.MEDICAL);
    }
}
