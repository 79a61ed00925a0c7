package org.hotline.contracts.events;

import java.time.Instant;
import java.util.Set;

import org.hotline.contracts.vocabulary.AgeBand;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.CallerType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.Typology;

/**
 * {@code hotline.call.received}: a phone agent logged a call. Carries what routing needs and no personal data:
 * the agent's summary stays in intake.
 */
public record CallReceived(
        String reference,
        Instant receivedAt,
        CallType callType,
        CallerType callerType,
        Channel channel,
        boolean requestedUrgent,
        Set<Indicator> indicators,
        Set<Need> needs,
        Location location,
        String language,
        boolean consentToLawEnforcement,
        boolean followUpRequested,
        AgeBand ageBand,
        Typology typology) {

    /** Without a typology, as contacts were before the Polaris typology could be recorded. */
    public CallReceived(String reference, Instant receivedAt, CallType callType, CallerType callerType, Channel channel,
            boolean requestedUrgent, Set<Indicator> indicators, Set<Need> needs, Location location, String language,
            boolean consentToLawEnforcement, boolean followUpRequested, AgeBand ageBand) {
        this(reference, receivedAt, callType, callerType, channel, requestedUrgent, indicators, needs, location,
                language, consentToLawEnforcement, followUpRequested, ageBand, null);
    }

    /** Without an age band, as contacts were before one could be recorded. */
    public CallReceived(String reference, Instant receivedAt, CallType callType, CallerType callerType, Channel channel,
            boolean requestedUrgent, Set<Indicator> indicators, Set<Need> needs, Location location, String language,
            boolean consentToLawEnforcement, boolean followUpRequested) {
        this(reference, receivedAt, callType, callerType, channel, requestedUrgent, indicators, needs, location,
                language, consentToLawEnforcement, followUpRequested, null, null);
    }
}
