package org.hotline.console.client;

import java.time.Instant;
import java.util.Set;

import org.hotline.contracts.events.Location;

/** intake's {@code GET /api/v1/contacts/{reference}}: the contact, decrypted for staff (audited by intake). */
public record ContactDetail(String reference, String kind, String channel, String callType, String callerType,
        String traffickingType, Instant receivedAt, String status, Instant closedAt, Set<String> indicators,
        Set<String> needs, Location location, String language, boolean anonymous, boolean consentToLawEnforcement,
        boolean consentToShareWithPartners, boolean followUpRequested, String description, Person reporter, Callback callback,
        boolean personalDataPurged, String decisionStatus, String followUpStatus) {

    public record Person(String name, String phone, String email) {
        @Override
        public String toString() {
            return "Person[redacted]";
        }
    }

    public record Callback(String name, String phone, String email, boolean permissionToCallBack) {
        @Override
        public String toString() {
            return "Callback[redacted]";
        }
    }

    @Override
    public String toString() {
        return "ContactDetail[" + reference + ", personal data redacted]";
    }
}
