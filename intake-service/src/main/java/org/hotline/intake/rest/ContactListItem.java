package org.hotline.intake.rest;

import java.time.Instant;

import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Urgency;
import org.hotline.intake.service.ContactSummary;

/** A contact in the staff list, without personal data; {@code urgency} is null until routing has decided. */
public record ContactListItem(String reference, ContactKind kind, Channel channel, CallType callType, String status,
        Urgency urgency, String state, Instant receivedAt, boolean hasOpenFollowUp) {

    static ContactListItem of(ContactSummary s) {
        return new ContactListItem(s.reference(), s.kind(), s.channel(), s.callType(), s.status(), s.urgency(),
                s.state(), s.receivedAt(), s.hasOpenFollowUp());
    }
}
