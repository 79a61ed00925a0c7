package org.hotline.followup;

import static org.hotline.followup.FollowupTestSupport.asSupervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.followup.FollowupTestSupport.PATIENCE;
import static org.hotline.followup.FollowupTestSupport.awaitFollowup;
import static org.hotline.followup.FollowupTestSupport.awaitProcessed;
import static org.hotline.followup.FollowupTestSupport.followupRows;
import static org.hotline.followup.FollowupTestSupport.outboxRows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.contracts.Topics;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Urgency;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;

/** Routing decisions in, follow-ups out: which decisions owe a reply, on what deadlines, and only once. */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class FollowupSchedulingTest {

    /** Friday 2026-11-20, 20:00 Eastern: after hours, before a weekend. */
    private static final Instant FRIDAY_EVENING = OffsetDateTime.parse("2026-11-20T20:00:00-05:00").toInstant();
    /** Wednesday 2026-11-18, 10:00 Eastern: inside the window. */
    private static final Instant IN_HOURS = OffsetDateTime.parse("2026-11-18T10:00:00-05:00").toInstant();

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void messageTakenOnFridayEveningIsDueTuesdayAndBreachedWednesdayEvening() throws Exception {
        String reference = Decisions.reference(ContactKind.CALL);
        kafka.publishEvent(reference,
                Decisions.call(reference, FRIDAY_EVENING, Urgency.NON_URGENT, Handling.MESSAGE_TAKEN, false));

        JsonPath followup = awaitFollowup(reference);
        assertThat(followup.getString("reference")).isEqualTo(reference);
        assertThat(followup.getString("callType")).isEqualTo("REFERRAL_REQUEST");
        assertThat(followup.getString("channel")).isEqualTo("PHONE");
        assertThat(followup.getString("status")).isEqualTo("OPEN");
        assertThat(followup.getString("completedAt")).isNull();
        assertThat(followup.getString("receivedAt")).isEqualTo("2026-11-20T20:00:00-05:00");
        // The clock waits for Monday's opening; 20 business hours are Monday and Tuesday, 30 add Wednesday.
        assertThat(followup.getString("clockStartsAt")).isEqualTo("2026-11-23T09:00:00-05:00");
        assertThat(followup.getString("targetAt")).isEqualTo("2026-11-24T19:00:00-05:00");
        assertThat(followup.getString("breachAt")).isEqualTo("2026-11-25T19:00:00-05:00");
        String id = followup.getString("id");

        List<ConsumerRecord<String, String>> scheduled = kafka.await(Topics.FOLLOWUPS,
                r -> id.equals(r.key()), 1, PATIENCE);
        assertThat(scheduled).hasSize(1);
        ConsumerRecord<String, String> record = scheduled.get(0);
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.TYPE)).isEqualTo("hotline.followup.scheduled");
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/hotline/followup-service");
        JsonNode event = json.readTree(record.value());
        assertThat(event.get("followupId").asText()).isEqualTo(id);
        assertThat(event.get("reference").asText()).isEqualTo(reference);
        assertThat(Instant.parse(event.get("receivedAt").asText())).isEqualTo(FRIDAY_EVENING);
        assertThat(Instant.parse(event.get("clockStartsAt").asText())).isEqualTo("2026-11-23T14:00:00Z");
        assertThat(Instant.parse(event.get("targetAt").asText())).isEqualTo("2026-11-25T00:00:00Z");
        assertThat(Instant.parse(event.get("breachAt").asText())).isEqualTo("2026-11-26T00:00:00Z");
    }

    @Test
    void thanksgivingIsSkipped() {
        String reference = Decisions.reference(ContactKind.TIP);
        // Tuesday 2026-11-24, 20:00: the clock starts Wednesday; Thursday 26 is Thanksgiving.
        kafka.publishEvent(reference, Decisions.tip(reference, Channel.EMAIL,
                OffsetDateTime.parse("2026-11-24T20:00:00-05:00").toInstant(), Urgency.NON_URGENT,
                Handling.MESSAGE_TAKEN));

        JsonPath followup = awaitFollowup(reference);
        assertThat(followup.getString("clockStartsAt")).isEqualTo("2026-11-25T09:00:00-05:00");
        assertThat(followup.getString("targetAt")).isEqualTo("2026-11-27T19:00:00-05:00");
        assertThat(followup.getString("breachAt")).isEqualTo("2026-11-30T19:00:00-05:00");
    }

    @Test
    void webFormTipInHoursIsOwedAReplyFromReceipt() {
        String reference = Decisions.reference(ContactKind.TIP);
        kafka.publishEvent(reference,
                Decisions.tip(reference, Channel.WEB_FORM, IN_HOURS, Urgency.NON_URGENT, Handling.IN_HOURS));

        JsonPath followup = awaitFollowup(reference);
        assertThat(followup.getString("channel")).isEqualTo("WEB_FORM");
        assertThat(followup.getString("callType")).isEqualTo("TIP");
        // Received inside the window: the clock starts at receipt. Wednesday 10:00 + 20 h = Friday 10:00.
        assertThat(followup.getString("clockStartsAt")).isEqualTo("2026-11-18T10:00:00-05:00");
        assertThat(followup.getString("targetAt")).isEqualTo("2026-11-20T10:00:00-05:00");
        assertThat(followup.getString("breachAt")).isEqualTo("2026-11-23T10:00:00-05:00");
    }

    @Test
    void callTheAgentMarkedForFollowUpIsOwedAReply() {
        String reference = Decisions.reference(ContactKind.CALL);
        kafka.publishEvent(reference, Decisions.call(reference, IN_HOURS, Urgency.NON_URGENT, Handling.IN_HOURS, true));

        assertThat(awaitFollowup(reference).getString("status")).isEqualTo("OPEN");
    }

    @Test
    void phoneCallAnsweredLiveInHoursGetsNone() throws Exception {
        String reference = Decisions.reference(ContactKind.CALL);
        UUID eventId = kafka.publishEvent(reference,
                Decisions.call(reference, IN_HOURS, Urgency.NON_URGENT, Handling.IN_HOURS, false));

        awaitProcessed(eventId);
        assertThat(followupRows(reference)).isZero();
        asSupervisor().get("/api/v1/followups/" + reference).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void urgentContactGetsNoneUnlessTheAgentRequestedOne() throws Exception {
        String reference = Decisions.reference(ContactKind.CALL);
        UUID eventId = kafka.publishEvent(reference, Decisions.call(reference, FRIDAY_EVENING, Urgency.URGENT,
                Handling.IMMEDIATE, false));
        awaitProcessed(eventId);
        assertThat(followupRows(reference)).isZero();

        String requested = Decisions.reference(ContactKind.CALL);
        UUID requestedEvent = kafka.publishEvent(requested, Decisions.call(requested, FRIDAY_EVENING, Urgency.URGENT,
                Handling.IMMEDIATE, true));
        awaitProcessed(requestedEvent);
        assertThat(followupRows(requested)).isOne();
    }

    @Test
    void redeliveredEventAndASecondDecisionScheduleOneFollowup() throws Exception {
        String reference = Decisions.reference(ContactKind.TIP);
        UUID first = kafka.publishEventTwice(reference,
                Decisions.tip(reference, Channel.TEXT, FRIDAY_EVENING, Urgency.NON_URGENT, Handling.MESSAGE_TAKEN));
        // A re-decision of the same contact (new decision, new event id), e.g. after a directory change.
        UUID second = kafka.publishEvent(reference,
                Decisions.tip(reference, Channel.TEXT, FRIDAY_EVENING, Urgency.NON_URGENT, Handling.MESSAGE_TAKEN));

        String id = awaitFollowup(reference).getString("id");
        awaitProcessed(first);
        awaitProcessed(second);
        assertThat(followupRows(reference)).isEqualTo(1);

        assertThat(kafka.await(Topics.FOLLOWUPS, r -> id.equals(r.key()), 1, PATIENCE)).hasSize(1);
        await().atMost(PATIENCE).until(() -> outboxRows(id) == 0);
        List<ConsumerRecord<String, String>> scheduled = kafka.readAll(Topics.FOLLOWUPS,
                r -> r.value() != null && r.value().contains("\"" + reference + "\""));
        assertThat(scheduled).hasSize(1);
        assertThat(KafkaTestClient.header(scheduled.get(0), CloudEventHeaders.TYPE))
                .isEqualTo("hotline.followup.scheduled");
    }
}
