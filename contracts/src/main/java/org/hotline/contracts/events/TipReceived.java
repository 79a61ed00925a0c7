package org.hotline.contracts.events;

import java.time.Instant;
import java.util.Set;

import org.hotline.contracts.vocabulary.AgeBand;
import org.hotline.contracts.vocabulary.CallerType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.Typology;
import org.hotline.contracts.vocabulary.TraffickingType;

/**
 * {@code hotline.tip.received}: a tip was submitted. The description and the reporter's identity never travel in
 * the event; partners fetch details through the authorised API.
 */
public record TipReceived(
        String reference,
        Instant receivedAt,
        Channel channel,
        TraffickingType traffickingType,
        Set<Indicator> indicators,
        Set<Need> needs,
        Location location,
        boolean anonymous,
        CallerType callerType,
        String language,
        boolean consentToLawEnforcement,
        AgeBand ageBand,
        Typology typology) {

    /** Without a typology, as contacts were before the Polaris typology could be recorded. */
    public TipReceived(String reference, Instant receivedAt, Channel channel, TraffickingType traffickingType,
            Set<Indicator> indicators, Set<Need> needs, Location location, boolean anonymous, CallerType callerType,
            String language, boolean consentToLawEnforcement, AgeBand ageBand) {
        this(reference, receivedAt, channel, traffickingType, indicators, needs, location, anonymous,
                callerType, language, consentToLawEnforcement, ageBand, null);
    }

    /** Without an age band, as contacts were before one could be recorded. */
    public TipReceived(String reference, Instant receivedAt, Channel channel, TraffickingType traffickingType,
            Set<Indicator> indicators, Set<Need> needs, Location location, boolean anonymous, CallerType callerType,
            String language, boolean consentToLawEnforcement) {
        this(reference, receivedAt, channel, traffickingType, indicators, needs, location, anonymous,
                callerType, language, consentToLawEnforcement, null, null);
    }
}
