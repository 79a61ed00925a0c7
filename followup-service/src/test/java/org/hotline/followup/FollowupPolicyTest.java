package org.hotline.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FollowupPolicyTest {

    private static final Instant T = Instant.parse("2026-11-18T15:00:00Z");
    private static final String REF = "CALL-0000000000";

    @Test
    void phoneCallAnsweredLiveInHoursIsHandledOnTheCall() {
        assertThat(FollowupPolicy.needsFollowup(Decisions.call(REF, T, Urgency.NON_URGENT, Handling.IN_HOURS, false)))
                .isFalse();
    }

    @Test
    void messageTakenOutsideTheWindowIsOwedAReply() {
        assertThat(FollowupPolicy.needsFollowup(
                Decisions.call(REF, T, Urgency.NON_URGENT, Handling.MESSAGE_TAKEN, false))).isTrue();
    }

    @Test
    void callTheAgentMarkedForFollowUpIsOwedAReply() {
        assertThat(FollowupPolicy.needsFollowup(Decisions.call(REF, T, Urgency.NON_URGENT, Handling.IN_HOURS, true)))
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"WEB_FORM", "EMAIL", "TEXT"})
    void writtenMessagesAreOwedAReplyEvenInHours(Channel channel) {
        assertThat(FollowupPolicy.needsFollowup(
                Decisions.tip(REF, channel, T, Urgency.NON_URGENT, Handling.IN_HOURS))).isTrue();
    }

    @Test
    void chatInHoursIsAnsweredLive() {
        assertThat(FollowupPolicy.needsFollowup(
                Decisions.tip(REF, Channel.CHAT, T, Urgency.NON_URGENT, Handling.IN_HOURS))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void urgentContactsGetOneOnlyWhenTheAgentAskedForIt(Channel channel) {
        assertThat(FollowupPolicy.needsFollowup(Decisions.decision(REF, ContactKind.CALL,
                CallType.CRISIS, channel, T, Urgency.URGENT, Handling.IMMEDIATE,
                false, List.of()))).isFalse();
        assertThat(FollowupPolicy.needsFollowup(Decisions.decision(REF, ContactKind.CALL,
                CallType.CRISIS, channel, T, Urgency.URGENT, Handling.IMMEDIATE,
                true, List.of()))).isTrue();
    }
}
