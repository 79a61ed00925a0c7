package org.hotline.intake.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hotline.contracts.EventCodec;
import org.hotline.contracts.EventType;
import org.hotline.contracts.events.ReferralIssued;
import org.hotline.contracts.events.ReferralOutcomeRecorded;
import org.hotline.intake.repository.ContactReferralRepository;
import org.hotline.intake.service.CaseReferralProgress;
import org.hotline.platform.inbox.InboxProcessor;

/**
 * Reads routing's {@code hotline.referral.issued} into {@code contact_referral}: which organisation was referred which
 * contact, so a partner can be let in to its own referrals' details and no other. Each event applied once through
 * the platform inbox, poison records to {@code hotline.intake.dlq.v1}. Issued referrals and partners' outcomes
 * also update the case of the referred signal ({@link CaseReferralProgress}); acknowledged and escalated change
 * nothing here.
 */
@ApplicationScoped
public class ReferralConsumer {

    static final String REFERRALS = "intake-referrals";

    private final InboxProcessor inbox;
    private final EventCodec codec;
    private final ContactReferralRepository referrals;
    private final CaseReferralProgress cases;

    public ReferralConsumer(InboxProcessor inbox, EventCodec codec, ContactReferralRepository referrals,
            CaseReferralProgress cases) {
        this.inbox = inbox;
        this.codec = codec;
        this.referrals = referrals;
        this.cases = cases;
    }

    @Incoming("referrals")
    @Blocking
    public void onReferral(ConsumerRecord<String, String> record) {
        inbox.process(REFERRALS, record, event -> {
            // Inside the inbox's transaction.
            if (event.type() == EventType.REFERRAL_ISSUED) {
                ReferralIssued issued = event.payload(codec, ReferralIssued.class);
                referrals.keep(issued);
                cases.issued(issued);
            } else if (event.type() == EventType.REFERRAL_OUTCOME_RECORDED) {
                cases.outcome(event.payload(codec, ReferralOutcomeRecorded.class));
            }
        });
    }
}
