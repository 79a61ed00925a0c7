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
import org.hotline.contracts.vocabulary.Typology;
import org.hotline.intake.Contact;
import org.hotline.intake.PersonalData;
import org.hotline.intake.rest.client.FollowupClient;
import org.hotline.intake.rest.client.RoutingClient;
import org.hotline.intake.service.ContactOverview;
import org.hotline.intake.service.RelatedState;

/**
 * A contact as staff see it, with its routing decision and follow-up. {@code decisionStatus} and
 * {@code followUpStatus} say FOUND, NONE (not decided or scheduled, or none owed) or UNAVAILABLE (the service did not
 * answer); the matching object is present only when FOUND. {@code callback} is how a caller asked to be reached again
 * (calls only), for whoever takes the follow-up.
 */
public record ContactView(String reference, ContactKind kind, Channel channel, CallType callType,
        CallerType callerType, TraffickingType traffickingType, Typology typology, Instant receivedAt, String status, Instant closedAt,
        Set<Indicator> indicators, Set<Need> needs, Location location, String language, boolean anonymous,
        boolean consentToLawEnforcement, boolean consentToShareWithPartners, boolean followUpRequested,
        String description, ReporterIdentity reporter,
        PersonalData.Callback callback,
        boolean personalDataPurged,
        RelatedState.Availability decisionStatus, RoutingClient.Decision decision,
        RelatedState.Availability followUpStatus, FollowupClient.Followup followUp) {

    /** A reporter who chose not to be anonymous; absent otherwise. */
    public record ReporterIdentity(String name, String phone, String email) {

        @Override
        public String toString() {
            return "ReporterIdentity[redacted]";
        }
    }

    @Override
    public String toString() {
        return "ContactView[" + reference + ", personal data redacted]";
    }

    static ContactView of(ContactOverview.Overview overview) {
        Contact c = overview.contact();
        PersonalData p = overview.personalData();
        ReporterIdentity reporter = p.reporterName() == null && p.reporterPhone() == null && p.reporterEmail() == null
                ? null : new ReporterIdentity(p.reporterName(), p.reporterPhone(), p.reporterEmail());
        return new ContactView(c.reference(), c.kind(), c.channel(), c.callType(), c.callerType(),
                c.traffickingType(), c.typology(), c.receivedAt(), c.status().name(), c.closedAt(), c.indicators(), c.needs(),
                c.location(), c.language(), c.anonymous(), c.consentToLawEnforcement(), c.consentToShareWithPartners(),
                c.followUpRequested(),
                p.description(), reporter, p.callback(), c.purgedAt() != null,
                overview.decision().status(), overview.decision().value(),
                overview.followUp().status(), overview.followUp().value());
    }
}
