package org.hotline.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline.followup.FollowupTestSupport.PATIENCE;
import static org.hotline.followup.FollowupTestSupport.awaitFollowup;
import static org.hotline.followup.FollowupTestSupport.followupRows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hotline.contracts.Topics;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Urgency;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;

/**
 * A sound decision whose handling fails (here a database trigger standing in for a bug in the handler's code) is
 * retried while the partition waits, shown by the stuck-record gauge, never dead-lettered; once the bug is gone it is
 * applied, once, and the channel is still consuming.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class HandlerFailureTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-18T15:00:00Z");
    private static final Pattern STUCK = Pattern.compile(
            "(?m)^hotline_inbox_stuck_records\\{[^}]*consumer=\"followup-decisions\"[^}]*} ([0-9.]+)");

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void aDecisionWhoseHandlerFailsIsRetriedNotDeadLetteredAndAppliedOnceTheBugIsGone() throws Exception {
        String reference = Decisions.reference(ContactKind.TIP);
        String trigger = "bug_" + reference.replaceAll("[^A-Za-z0-9]", "_").toLowerCase();
        execute("CREATE FUNCTION followup." + trigger + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.reference = '" + reference + "' THEN RAISE EXCEPTION 'a bug in the handler'; END IF; "
                + "RETURN NEW; END $$");
        execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON followup.followup FOR EACH ROW EXECUTE FUNCTION "
                + "followup." + trigger + "()");
        try {
            kafka.publishEvent(reference, Decisions.tip(reference, Channel.WEB_FORM, RECEIVED, Urgency.NON_URGENT,
                    Handling.IN_HOURS));

            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> stuckRecords() >= 1);
            assertThat(followupRows(reference)).isZero();
        } finally {
            execute("DROP TRIGGER " + trigger + " ON followup.followup");
            execute("DROP FUNCTION followup." + trigger + "()");
        }

        assertThat(awaitFollowup(reference).getString("reference")).isEqualTo(reference);
        assertThat(followupRows(reference)).isEqualTo(1);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> stuckRecords() == 0);
        assertThat(kafka.readAll(Topics.FOLLOWUP_DEAD_LETTER, r -> reference.equals(r.key()))).isEmpty();
        // SmallRye would fail a channel whose record waits past its max age: the check is off for every channel.
        assertThat(ConfigProvider.getConfig().getValue(
                "mp.messaging.connector.smallrye-kafka.throttled.unprocessed-record-max-age.ms", Integer.class))
                .isZero();
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static double stuckRecords() {
        Matcher matcher = STUCK.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
