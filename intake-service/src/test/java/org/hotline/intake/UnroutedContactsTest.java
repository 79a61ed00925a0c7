package org.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hotline.contracts.events.RoutingDecided;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Urgency;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A contact accepted over a minute ago without a routing decision is counted as not routed (followup's dashboard shows
 * the count); routing's decision, read from its topic, takes it out of the count.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class UnroutedContactsTest {

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void aContactWithoutADecisionAfterAMinuteIsCountedUntilRoutingDecidesIt() throws Exception {
        String reference = given().contentType(ContentType.JSON).body("{\"description\": \"unrouted\"}")
                .post("/api/v1/tips").then().statusCode(202).extract().path("reference");
        // As if routing had had two minutes and not decided it.
        update("UPDATE intake.contact SET created_at = now() - interval '2 minutes' WHERE reference = ?", reference);

        assertThat(unrouted()).isGreaterThanOrEqualTo(1);
        assertThat(decided(reference)).isFalse();

        kafka.publishEvent(reference, new RoutingDecided(UUID.randomUUID(), reference, ContactKind.TIP, CallType.TIP,
                Channel.WEB_FORM, Instant.now(), false, Urgency.NON_URGENT, Handling.IN_HOURS, false, false,
                List.of(), List.of("urgency: no urgent indicator"), Instant.now()));

        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> decided(reference));
        given().get("/api/v1/contacts/unrouted").then().statusCode(401);
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).get("/api/v1/contacts/unrouted").then()
                .statusCode(403);
    }

    private static long unrouted() {
        return given().auth().oauth2(TestTokens.supervisor()).get("/api/v1/contacts/unrouted")
                .then().statusCode(200).extract().jsonPath().getLong("count");
    }

    private static boolean decided(String reference) throws SQLException {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT decided_at IS NOT NULL FROM intake.contact WHERE reference = ?")) {
            q.setString(1, reference);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBoolean(1);
            }
        }
    }

    private static void update(String sql, String reference) throws SQLException {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, reference);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
