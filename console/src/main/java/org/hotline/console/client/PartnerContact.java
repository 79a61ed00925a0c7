package org.hotline.console.client;

import java.util.UUID;

/**
 * intake's answer to a partner opening a referral's contact details: what the reporter consented to share and which
 * consent lets this partner read it.
 */
public record PartnerContact(UUID referralId, String reference, String consent, String description,
        ContactDetail.Person reporter, ContactDetail.Callback callback, boolean personalDataPurged) {

    @Override
    public String toString() {
        return "PartnerContact[" + reference + ", personal data redacted]";
    }
}
