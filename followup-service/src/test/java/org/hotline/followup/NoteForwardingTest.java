package org.hotline.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline.followup.FollowupTestSupport.awaitFollowup;

import java.time.Instant;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Urgency;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A completion's note goes to intake as a contact note under the staff member's own token, and never into followup's
 * tables. Intake is the {@link IntakeStandIn} here; the system tests run the real one.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(IntakeStandIn.class)
class NoteForwardingTest {

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void theNoteIsHandedToIntakeWithTheCallersTokenBeforeTheFollowupIsCompleted() throws Exception {
        String reference = Decisions.reference(ContactKind.TIP);
        kafka.publishEvent(reference, Decisions.tip(reference, Channel.TEXT, Instant.now(), Urgency.NON_URGENT,
                Handling.IN_HOURS));
        awaitFollowup(reference);
        String token = TestTokens.agent();

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"outcome\": \"RESPONDED\", \"note\": \"CANARY-note spoke to her sister\"}")
                .post("/api/v1/followups/" + reference + "/completion").then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("outcome", equalTo("RESPONDED"));

        assertThat(IntakeStandIn.notes()).anySatisfy(note -> {
            assertThat(note[0]).isEqualTo(reference);
            assertThat(note[1]).isEqualTo("Bearer " + token);
            assertThat(note[2]).isEqualTo("{\"text\":\"CANARY-note spoke to her sister\"}");
        });
        assertThat(FollowupTestSupport.count("SELECT count(*) FROM followup.followup f WHERE f.reference = ? AND "
                + "row_to_json(f)::text LIKE '%CANARY%'", reference)).isZero();
    }
}
