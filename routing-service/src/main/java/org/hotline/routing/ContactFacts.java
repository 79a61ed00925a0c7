package org.hotline.routing;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.hotline.contracts.events.CallReceived;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.events.TipReceived;
import org.hotline.contracts.vocabulary.AgeBand;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.CallerType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;

/**
 * What routing knows of a contact, whether it came in as a call or a tip. {@code callerType}, {@code ageBand} and
 * {@code language} may be null (not recorded; decisions stored before they were kept).
 */
public record ContactFacts(
        String reference,
        ContactKind kind,
        CallType callType,
        CallerType callerType,
        AgeBand ageBand,
        Channel channel,
        Instant receivedAt,
        boolean requestedUrgent,
        Set<Indicator> indicators,
        Set<Need> needs,
        Location location,
        boolean consentToLawEnforcement,
        boolean followUpRequested,
        String language) {

    /** A contact whose caller type and age band were not recorded. */
    public ContactFacts(String reference, ContactKind kind, CallType callType, Channel channel, Instant receivedAt,
            boolean requestedUrgent, Set<Indicator> indicators, Set<Need> needs, Location location,
            boolean consentToLawEnforcement, boolean followUpRequested) {
        this(reference, kind, callType, null, null, channel, receivedAt, requestedUrgent, indicators, needs, location,
                consentToLawEnforcement, followUpRequested, null);
    }

    public static ContactFacts of(CallReceived call) {
        return new ContactFacts(call.reference(), ContactKind.CALL, call.callType(), call.callerType(),
                call.ageBand(), call.channel(), call.receivedAt(), call.requestedUrgent(), call.indicators(),
                TypologyNeeds.with(call.needs(), call.typology()), call.location(), call.consentToLawEnforcement(),
                call.followUpRequested(),
                call.language());
    }

    /** The same contact with more indicators and needs, as a later message adds them. */
    public ContactFacts with(Set<Indicator> moreIndicators, Set<Need> moreNeeds) {
        Set<Indicator> allIndicators = EnumSet.noneOf(Indicator.class);
        allIndicators.addAll(indicators);
        allIndicators.addAll(moreIndicators);
        Set<Need> allNeeds = EnumSet.noneOf(Need.class);
        allNeeds.addAll(needs);
        allNeeds.addAll(moreNeeds);
        return new ContactFacts(reference, kind, callType, callerType, ageBand, channel, receivedAt, requestedUrgent,
                allIndicators, allNeeds, location, consentToLawEnforcement, followUpRequested, language);
    }

    public static ContactFacts of(TipReceived tip) {
        return new ContactFacts(tip.reference(), ContactKind.TIP, CallType.TIP, tip.callerType(), tip.ageBand(),
                tip.channel(), tip.receivedAt(), false, tip.indicators(), TypologyNeeds.with(tip.needs(), tip.typology()),
                tip.location(),
                tip.consentToLawEnforcement(), false, tip.language());
    }
}
