package org.hotline.intake.messaging;

import org.hotline.contracts.events.CallReceived;
import org.hotline.contracts.events.TipReceived;
import org.hotline.intake.Contact;

/** Maps stored contacts to their events: only what routing needs, never the description or reporter identity. */
public final class ContactEvents {

    private ContactEvents() {
    }

    public static CallReceived callReceived(Contact call) {
        return new CallReceived(call.reference(), call.receivedAt(), call.callType(), call.callerType(),
                call.channel(), call.requestedUrgent(), call.indicators(), call.needs(), call.location(),
                call.language(), call.consentToLawEnforcement(), call.followUpRequested(), call.ageBand(),
                call.typology());
    }

    public static TipReceived tipReceived(Contact tip) {
        return new TipReceived(tip.reference(), tip.receivedAt(), tip.channel(), tip.traffickingType(),
                tip.indicators(), tip.needs(), tip.location(), tip.anonymous(), tip.callerType(), tip.language(),
                tip.consentToLawEnforcement(), tip.ageBand(), tip.typology());
    }
}
