package org.hotline.intake.rest;

import java.time.Instant;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hotline.contracts.vocabulary.AgeBand;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.CallerType;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.Typology;
import org.hotline.intake.rest.validation.RecentPast;

/**
 * Body of {@code POST /api/v1/calls}: a call as a phone agent logs it. {@code channel} defaults to PHONE (a message
 * can also come in by e-mail, text or chat); {@code callback} is how to reach the caller again, sealed like a tip's
 * reporter. {@code consentToShareWithPartners}: the caller agrees that the summary and callback may go to the
 * (non-law-enforcement) partners the call is referred to.
 */
public record CallLog(
        @NotNull CallType callType,
        CallerType callerType,
        @RecentPast(days = 30) Instant receivedAt,
        Boolean requestedUrgent,
        Set<@NotNull Indicator> indicators,
        Set<@NotNull Need> needs,
        @Valid LocationInput location,
        @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag, e.g. en or es")
        String language,
        Boolean consentToLawEnforcement,
        @Size(max = 20_000) String summary,
        Boolean followUpRequested,
        CallChannel channel,
        @Valid CallbackInput callback,
        AgeBand ageBand,
        Boolean consentToShareWithPartners,
        Typology typology,
        @Size(max = 300) String venueAddress) {

    @Override
    public String toString() {
        return "CallLog[" + callType + ", personal data redacted]";
    }
}
