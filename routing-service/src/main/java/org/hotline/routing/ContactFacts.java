package org.hotline.routing;

import java.time.Instant;
import java.util.Set;

import org.hotline.contracts.events.CallReceived;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.events.TipReceived;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;

/** What routing knows of a contact, whether it came in as a call or a tip. */
public record ContactFacts(
        String reference,
        ContactKind kind,
        CallType callType,
        Channel channel,
        Instant receivedAt,
        boolean requestedUrgent,
        Set<Indicator> indicators,
        Set<Need> needs,
        Location location,
        boolean consentToLawEnforcement,
        boolean followUpRequested) {

    public static ContactFacts of(CallReceived call) {
        return new ContactFacts(call.reference(), ContactKind.CALL, call.callType(), call.channel(),
                call.receivedAt(), call.requestedUrgent(), call.indicators(), call.needs(), call.location(),
                call.consentToLawEnforcement(), call.followUpRequested());
    }

    public static ContactFacts of(TipReceived tip) {
        return new ContactFacts(tip.reference(), ContactKind.TIP, CallType.TIP, tip.channel(), tip.receivedAt(),
                false, tip.indicators(), tip.needs(), tip.location(), tip.consentToLawEnforcement(), false);
    }
}
