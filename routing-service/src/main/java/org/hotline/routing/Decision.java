package org.hotline.routing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.hotline.contracts.events.RoutingDecided;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Urgency;

/** The routing decision for one contact: made once, never remade for a redelivered event. */
@Entity
@Table(name = "decision")
public class Decision {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, columnDefinition = "text")
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(name = "contact_kind", nullable = false, columnDefinition = "text")
    private ContactKind contactKind;

    @Enumerated(EnumType.STRING)
    @Column(name = "call_type", nullable = false, columnDefinition = "text")
    private CallType callType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "text")
    private Channel channel;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "follow_up_requested", nullable = false)
    private boolean followUpRequested;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "text")
    private Urgency urgency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "text")
    private Handling handling;

    @Column(name = "emergency_advised", nullable = false)
    private boolean emergencyAdvised;

    @Column(name = "law_enforcement_referral", nullable = false)
    private boolean lawEnforcementReferral;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<RoutingDecided.Referral> referrals;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> rules;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    /** The library's resources proposed to send; null when none is (and for decisions made before the library). */
    @JdbcTypeCode(SqlTypes.JSON)
    private List<RoutingDecided.ProposedResource> resources;

    /** What the decision was made on; null only for decisions made before it was kept. */
    @JdbcTypeCode(SqlTypes.JSON)
    private ContactFacts facts;

    protected Decision() {
    }

    public Decision(ContactFacts contact, Assessment assessment, List<RoutingDecided.Referral> referrals,
            Instant decidedAt) {
        this(contact, assessment, referrals, List.of(), decidedAt);
    }

    /** With the resources proposed to send (none for most contacts). */
    public Decision(ContactFacts contact, Assessment assessment, List<RoutingDecided.Referral> referrals,
            List<RoutingDecided.ProposedResource> resources, Instant decidedAt) {
        this.id = UUID.randomUUID();
        this.resources = resources.isEmpty() ? null : List.copyOf(resources);
        this.reference = contact.reference();
        this.contactKind = contact.kind();
        this.callType = contact.callType();
        this.channel = contact.channel();
        this.receivedAt = contact.receivedAt();
        this.followUpRequested = contact.followUpRequested();
        this.urgency = assessment.urgency();
        this.handling = assessment.handling();
        this.emergencyAdvised = assessment.emergencyAdvised();
        this.lawEnforcementReferral = assessment.lawEnforcementReferral();
        this.referrals = List.copyOf(referrals);
        this.rules = assessment.rules();
        this.decidedAt = decidedAt;
        this.facts = contact;
    }

    public String reference() {
        return reference;
    }

    public ContactFacts facts() {
        return facts;
    }

    /** Whether another assessment would change what this decision tells anyone. */
    public boolean differsFrom(Assessment assessment) {
        return urgency != assessment.urgency() || handling != assessment.handling()
                || emergencyAdvised != assessment.emergencyAdvised()
                || lawEnforcementReferral != assessment.lawEnforcementReferral();
    }

    public List<RoutingDecided.Referral> referrals() {
        return referrals;
    }

    /** The resources proposed; empty when none is. */
    public List<RoutingDecided.ProposedResource> resources() {
        return resources == null ? List.of() : resources;
    }

    /**
     * Takes new facts; the outcome changes only when {@code assessment} differs or there are new referrals, which are
     * added to those already issued (an issued referral is never withdrawn or issued again).
     */
    public void reassess(ContactFacts newFacts, Assessment assessment, List<RoutingDecided.Referral> newReferrals,
            Instant at) {
        this.facts = newFacts;
        if (differsFrom(assessment) || !newReferrals.isEmpty()) {
            List<RoutingDecided.Referral> all = new java.util.ArrayList<>(referrals);
            all.addAll(newReferrals);
            this.referrals = List.copyOf(all);
            this.urgency = assessment.urgency();
            this.handling = assessment.handling();
            this.emergencyAdvised = assessment.emergencyAdvised();
            this.lawEnforcementReferral = assessment.lawEnforcementReferral();
            this.rules = assessment.rules();
            this.decidedAt = at;
        }
    }

    /**
     * Records an escalation: its explanation after the rules so far and, when a target was found, the new referral
     * (the referrals issued before stay).
     */
    public void escalated(List<String> explanation, RoutingDecided.Referral newReferral, Instant at) {
        List<String> allRules = new java.util.ArrayList<>(rules);
        allRules.addAll(explanation);
        this.rules = List.copyOf(allRules);
        if (newReferral != null) {
            List<RoutingDecided.Referral> all = new java.util.ArrayList<>(referrals);
            all.add(newReferral);
            this.referrals = List.copyOf(all);
        }
        this.decidedAt = at;
    }

    /** The decision as the {@code hotline.routing.decided} event carries it. */
    public RoutingDecided toEvent() {
        return new RoutingDecided(id, reference, contactKind, callType, channel, receivedAt, followUpRequested,
                urgency, handling, emergencyAdvised, lawEnforcementReferral, referrals, rules, decidedAt, resources);
    }
}
