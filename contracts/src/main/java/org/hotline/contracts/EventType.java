package org.hotline.contracts;

import java.util.Arrays;
import java.util.Optional;

import org.hotline.contracts.events.CalendarClosureAdded;
import org.hotline.contracts.events.CallReceived;
import org.hotline.contracts.events.CaseClosed;
import org.hotline.contracts.events.CaseOpened;
import org.hotline.contracts.events.CaseUpdated;
import org.hotline.contracts.events.FollowupAtRisk;
import org.hotline.contracts.events.FollowupBreached;
import org.hotline.contracts.events.FollowupCompleted;
import org.hotline.contracts.events.FollowupScheduled;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.events.ReferralAcknowledged;
import org.hotline.contracts.events.ReferralOutcomeRecorded;
import org.hotline.contracts.events.ReferralEscalated;
import org.hotline.contracts.events.ReferralIssued;
import org.hotline.contracts.events.ResourceUpserted;
import org.hotline.contracts.events.RoutingDecided;
import org.hotline.contracts.events.TipMessageAdded;
import org.hotline.contracts.events.TipReceived;

/** Every event type: its CloudEvents {@code type}, the topic it travels on, its payload record and its schema. */
public enum EventType {
    CALL_RECEIVED("hotline.call.received", Topics.INTAKE_CALLS, CallReceived.class),
    TIP_RECEIVED("hotline.tip.received", Topics.INTAKE_TIPS, TipReceived.class),
    TIP_MESSAGE_ADDED("hotline.tip.message-added", Topics.INTAKE_TIPS, TipMessageAdded.class),
    ROUTING_DECIDED("hotline.routing.decided", Topics.ROUTING_DECISIONS, RoutingDecided.class),
    REFERRAL_ISSUED("hotline.referral.issued", Topics.REFERRALS, ReferralIssued.class),
    REFERRAL_ACKNOWLEDGED("hotline.referral.acknowledged", Topics.REFERRALS, ReferralAcknowledged.class),
    REFERRAL_OUTCOME_RECORDED("hotline.referral.outcome-recorded", Topics.REFERRALS, ReferralOutcomeRecorded.class),
    REFERRAL_ESCALATED("hotline.referral.escalated", Topics.REFERRALS, ReferralEscalated.class),
    ORGANIZATION_UPSERTED("hotline.organization.upserted", Topics.DIRECTORY_ORGANIZATIONS, OrganizationUpserted.class),
    RESOURCE_UPSERTED("hotline.resource.upserted", Topics.DIRECTORY_RESOURCES, ResourceUpserted.class),
    FOLLOWUP_SCHEDULED("hotline.followup.scheduled", Topics.FOLLOWUPS, FollowupScheduled.class),
    FOLLOWUP_AT_RISK("hotline.followup.at-risk", Topics.FOLLOWUPS, FollowupAtRisk.class),
    FOLLOWUP_BREACHED("hotline.followup.breached", Topics.FOLLOWUPS, FollowupBreached.class),
    FOLLOWUP_COMPLETED("hotline.followup.completed", Topics.FOLLOWUPS, FollowupCompleted.class),
    CALENDAR_CLOSURE_ADDED("hotline.calendar.closure.added", Topics.CALENDAR_CLOSURES, CalendarClosureAdded.class),
    CASE_OPENED("hotline.case.opened", Topics.CASES, CaseOpened.class),
    CASE_UPDATED("hotline.case.updated", Topics.CASES, CaseUpdated.class),
    CASE_CLOSED("hotline.case.closed", Topics.CASES, CaseClosed.class);

    private final String type;
    private final String topic;
    private final Class<? extends Record> payloadType;

    EventType(String type, String topic, Class<? extends Record> payloadType) {
        this.type = type;
        this.topic = topic;
        this.payloadType = payloadType;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code hotline.tip.received}. */
    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends Record> payloadType() {
        return payloadType;
    }

    /** Classpath location of this type's JSON Schema. */
    public String schemaResource() {
        return "schemas/" + type + ".schema.json";
    }

    public static Optional<EventType> fromType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    public static EventType of(Class<?> payloadType) {
        return Arrays.stream(values()).filter(t -> t.payloadType.equals(payloadType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event type for " + payloadType.getName()));
    }
}
