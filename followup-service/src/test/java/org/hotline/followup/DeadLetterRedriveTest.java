package org.hotline.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.followup.FollowupTestSupport.awaitFollowup;
import static org.hotline.followup.FollowupTestSupport.followupRows;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.hotline.contracts.EventCodec;
import org.hotline.contracts.EventType;
import org.hotline.contracts.Topics;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Urgency;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The redrive replays the dead-letter topic through the consumer after a fix: a sound decision that an earlier version
 * dead-lettered is applied, once however often the redrive runs, and a record that is still malformed stays put.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class DeadLetterRedriveTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-18T15:00:00Z");

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void aRedriveAppliesWhatCanNowBeProcessedOnceAndLeavesWhatCannot() throws Exception {
        String sound = Decisions.reference(ContactKind.TIP);
        String malformed = Decisions.reference(ContactKind.TIP);
        // As the dead-letter-queue strategy wrote them: the original record, its headers, where it came from.
        kafka.send(Topics.FOLLOWUP_DEAD_LETTER, sound, new EventCodec().encode(Decisions.tip(sound, Channel.WEB_FORM,
                RECEIVED, Urgency.NON_URGENT, Handling.IN_HOURS)), deadLetterHeaders(UUID.randomUUID(), 7));
        kafka.send(Topics.FOLLOWUP_DEAD_LETTER, malformed, "{\"reference\": \"" + malformed + "\"}",
                deadLetterHeaders(UUID.randomUUID(), 8));

        JsonPath first = redrive();
        assertThat(first.getInt("applied")).isGreaterThanOrEqualTo(1);
        assertThat(first.getInt("stillPoison")).isGreaterThanOrEqualTo(1);
        assertThat(first.getInt("read")).isGreaterThanOrEqualTo(2);
        assertThat(awaitFollowup(sound).getString("channel")).isEqualTo("WEB_FORM");
        assertThat(followupRows(malformed)).isZero();

        JsonPath second = redrive();
        assertThat(second.getInt("applied")).isZero();
        assertThat(second.getInt("duplicates")).isGreaterThanOrEqualTo(1);
        assertThat(followupRows(sound)).isEqualTo(1);
        assertThat(kafka.readAll(Topics.FOLLOWUP_DEAD_LETTER, r -> malformed.equals(r.key()))).hasSize(1);

        given().post("/api/v1/admin/dead-letters/redrive").then().statusCode(401);
        given().auth().oauth2(TestTokens.supervisor()).post("/api/v1/admin/dead-letters/redrive").then()
                .statusCode(403);
    }

    private static JsonPath redrive() {
        return given().auth().oauth2(TestTokens.admin()).post("/api/v1/admin/dead-letters/redrive")
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, String> deadLetterHeaders(UUID eventId, long offset) {
        Map<String, String> headers = new HashMap<>(KafkaTestClient.cloudEventHeaders(eventId,
                EventType.ROUTING_DECIDED));
        headers.put("dead-letter-topic", Topics.ROUTING_DECISIONS);
        headers.put("dead-letter-partition", "0");
        headers.put("dead-letter-offset", Long.toString(offset));
        headers.put("dead-letter-reason", "followup-decisions could not process it (an earlier version's bug)");
        return headers;
    }
}
