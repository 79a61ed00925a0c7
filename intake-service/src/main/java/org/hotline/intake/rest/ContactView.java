package org.hotline.intake.rest;

import java.time.Instant;
import java.util.Set;

import org.hotline.contracts.events.Location;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.CallerType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.intake.Contact;

/** A contact as staff see it. */
public record ContactView(String reference, ContactKind kind, Channel channel, CallType callType,
        CallerType callerType, TraffickingType traffickingType, Instant receivedAt, String status,
        Set<Indicator> indicators, Set<Need> needs, Location location, String language, boolean anonymous,
        boolean consentToLawEnforcement, boolean followUpRequested, String description) {

    static ContactView of(Contact c) {
        return new ContactView(c.reference(), c.kind(), c.channel(), c.callType(), c.callerType(),
                c.traffickingType(), c.receivedAt(), c.status().name(), c.indicators(), c.needs(), c.location(),
                c.language(), c.anonymous(), c.consentToLawEnforcement(), c.followUpRequested(), c.description());
    }
}
