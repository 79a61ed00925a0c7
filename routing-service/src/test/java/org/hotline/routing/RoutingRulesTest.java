package org.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.hotline.calendar.BusinessCalendar;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ConsentBasis;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.Urgency;
import org.junit.jupiter.api.Test;

class RoutingRulesTest {

    /** Tuesday 2026-11-24 10:00 Eastern: inside the window. */
    private static final Instant IN_HOURS = Instant.parse("2026-11-24T15:00:00Z");
    /** Tuesday 2026-11-24 20:00 Eastern: after the window. */
    private static final Instant EVENING = Instant.parse("2026-11-25T01:00:00Z");

    private final RoutingRules rules = ShippedRules.rules();

    @Test
    void crisisIsUrgentAndImmediateAtAnyHour() {
        Assessment a = rules.assess(call(CallType.CRISIS, EVENING, false, Set.of(), false));
        assertThat(a.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(a.handling()).isEqualTo(Handling.IMMEDIATE);
        assertThat(a.rules()).anyMatch(r -> r.contains("call type CRISIS is urgent"));
    }

    @Test
    void nonUrgentGeneralInformationIsInHoursOrAMessageTaken() {
        assertThat(rules.assess(call(CallType.GENERAL_INFO, IN_HOURS, false, Set.of(), false)).handling())
                .isEqualTo(Handling.IN_HOURS);
        Assessment evening = rules.assess(call(CallType.GENERAL_INFO, EVENING, false, Set.of(), false));
        assertThat(evening.urgency()).isEqualTo(Urgency.NON_URGENT);
        assertThat(evening.handling()).isEqualTo(Handling.MESSAGE_TAKEN);
    }

    @Test
    void onlyTrainingAndReferralRequestsCanBeMarkedUrgentByTheCaller() {
        assertThat(rules.assess(call(CallType.TRAINING_TA, IN_HOURS, true, Set.of(), false)).urgency())
                .isEqualTo(Urgency.URGENT);
        assertThat(rules.assess(call(CallType.REFERRAL_REQUEST, IN_HOURS, true, Set.of(), false)).urgency())
                .isEqualTo(Urgency.URGENT);
        assertThat(rules.assess(call(CallType.GENERAL_INFO, IN_HOURS, true, Set.of(), false)).urgency())
                .isEqualTo(Urgency.NON_URGENT);
    }

    @Test
    void aMinorMakesItUrgentAndAllowsLawEnforcementWithoutConsent() {
        Assessment a = rules.assess(call(CallType.TIP, IN_HOURS, false, Set.of(Indicator.MINOR_INVOLVED), false));
        assertThat(a.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(a.lawEnforcementBasis()).isEqualTo(ConsentBasis.MINOR_INVOLVED);
        assertThat(a.lawEnforcementReferral()).isTrue();
        assertThat(a.emergencyAdvised()).isFalse();
    }

    @Test
    void imminentDangerAdvises911AndOverridesConsent() {
        Assessment a = rules.assess(call(CallType.TIP, IN_HOURS, false, Set.of(Indicator.IMMINENT_DANGER), false));
        assertThat(a.emergencyAdvised()).isTrue();
        assertThat(a.lawEnforcementBasis()).isEqualTo(ConsentBasis.IMMINENT_DANGER);
    }

    @Test
    void withoutConsentMinorOrDangerThereIsNeverALawEnforcementReferral() {
        Assessment a = rules.assess(new ContactFacts("TIP-1", ContactKind.TIP, CallType.TIP, Channel.WEB_FORM,
                IN_HOURS, false, Set.of(Indicator.VICTIM_IN_SITUATION, Indicator.WEAPONS_OR_THREATS),
                Set.of(Need.LAW_ENFORCEMENT), null, false, false));
        assertThat(a.lawEnforcementBasis()).isNull();
        assertThat(a.lawEnforcementReferral()).isFalse();
        assertThat(a.rules()).anyMatch(r -> r.startsWith("law enforcement: no referral"));
    }

    @Test
    void consentAloneReferTipsToLawEnforcement() {
        Assessment a = rules.assess(call(CallType.TIP, IN_HOURS, false, Set.of(), true));
        assertThat(a.lawEnforcementBasis()).isEqualTo(ConsentBasis.REPORTER_CONSENT);
        assertThat(a.lawEnforcementReferral()).isTrue();
    }

    private static ContactFacts call(CallType type, Instant at, boolean requestedUrgent, Set<Indicator> indicators,
            boolean consent) {
        return new ContactFacts("CALL-1", ContactKind.CALL, type, Channel.PHONE, at, requestedUrgent, indicators,
                Set.of(), null, consent, false);
    }
}
