package org.hotline.console.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.junit.jupiter.api.Test;

class CallFormTest {

    private static CallForm form(String callType, String channel, String receivedAt, List<String> indicators,
            String callbackPhone, boolean permission) {
        return new CallForm(callType, "", channel, receivedAt, indicators, List.of("EMERGENCY_SHELTER"), "Salinas",
                "ca", "93901", "es", true, false, "summary", false, "", callbackPhone, "", permission, "AGE_12_17", true);
    }

    @Test
    void aFilledInFormBecomesIntakesCallWithTheHotlinesClockAndTheCallback() {
        CallForm.Result result = form("CRISIS", "TEXT", "2026-12-02T21:40", List.of("IMMINENT_DANGER"),
                "831-555-0199", true).toRequest();

        assertThat(result.errors()).isEmpty();
        assertThat(result.request().callType()).isEqualTo(CallType.CRISIS);
        assertThat(result.request().channel()).isEqualTo(Channel.TEXT);
        assertThat(result.request().indicators()).containsExactly(Indicator.IMMINENT_DANGER);
        assertThat(result.request().needs()).containsExactly(Need.EMERGENCY_SHELTER);
        assertThat(result.request().ageBand()).isEqualTo(org.hotline.contracts.vocabulary.AgeBand.AGE_12_17);
        // Eastern time (EST in December): 21:40 is 02:40 UTC the next day.
        assertThat(result.request().receivedAt()).isEqualTo(Instant.parse("2026-12-03T02:40:00Z"));
        assertThat(result.request().location().state()).isEqualTo("CA");
        assertThat(result.request().callback().phone()).isEqualTo("831-555-0199");
        assertThat(result.request().callback().permissionToCallBack()).isTrue();
        assertThat(result.request().callerType()).isNull();
        assertThat(result.request().consentToShareWithPartners()).isTrue();
    }

    @Test
    void emptyFieldsAreLeftToIntakesDefaults() {
        CallForm.Result result = form("GENERAL_INFO", "", "", List.of(), "", false).toRequest();

        assertThat(result.errors()).isEmpty();
        assertThat(result.request().receivedAt()).isNull();
        assertThat(result.request().channel()).isNull();
        assertThat(result.request().callback()).isNull();
    }

    @Test
    void everyWrongFieldIsNamedAndNothingIsSent() {
        CallForm.Result result = form("", "WEB_FORM", "yesterday", List.of("NOT_AN_INDICATOR"), "", false)
                .toRequest();

        assertThat(result.request()).isNull();
        assertThat(result.errors()).containsExactly("Call type: choose one",
                "Channel: choose phone, email, text or chat", "Indicators: not one of the choices offered",
                "Received at: a date and time, e.g. 2026-12-03T21:40");
    }

    @Test
    void itsTextNeverQuotesWhatWasTyped() {
        assertThat(form("CRISIS", "PHONE", "", List.of(), "831-555-0199", true).toString())
                .doesNotContain("831").doesNotContain("Salinas");
    }
}
