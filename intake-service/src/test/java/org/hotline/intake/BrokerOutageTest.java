package org.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.contracts.Topics;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.hotline.testsupport.RestartableKafka;
import org.junit.jupiter.api.Test;

/**
 * The broker is killed while tips keep coming, then started again: every accepted tip reaches the topic exactly once.
 * Intake needs only its database to accept a tip; the outbox holds the events until the broker is back.
 */
@QuarkusTest
@TestProfile(BrokerOutageTest.OwnBroker.class)
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class BrokerOutageTest {

    /** This class's own broker process, which the test may kill. */
    public static class OwnBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RestartableKafka.class));
        }
    }

    @Test
    void everyTipAcceptedDuringAnOutageIsPublishedExactlyOnce() throws Exception {
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            accepted.add(submit("before the outage " + i));
        }

        RestartableKafka.outage(() -> {
            for (int i = 0; i < 40; i++) {
                accepted.add(submit("while the broker is down " + i));
            }
        });
        for (int i = 0; i < 20; i++) {
            accepted.add(submit("after the restart " + i));
        }

        KafkaTestClient kafka = new KafkaTestClient(RestartableKafka.broker().bootstrapServers());
        kafka.await(Topics.INTAKE_TIPS, r -> accepted.contains(r.key()), accepted.size(), Duration.ofMinutes(3));
        // A row leaves the outbox only once the broker has acknowledged its record, so when the outbox is empty every
        // copy the relay ever sent, a duplicate included, is in the log below the end offsets readAll reads up to.
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> unpublishedRows(accepted) == 0);
        List<ConsumerRecord<String, String>> published = kafka.readAll(Topics.INTAKE_TIPS,
                r -> accepted.contains(r.key()));

        Map<String, Long> copies = published.stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        System.out.printf("[broker-outage] accepted %d tips, %d published, %d distinct, %d duplicated%n",
                accepted.size(), published.size(), copies.size(),
                copies.values().stream().filter(n -> n > 1).count());
        assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(copies.values()).allMatch(n -> n == 1);
    }

    private static long unpublishedRows(List<String> references) throws SQLException {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement count = c.prepareStatement(
                        "SELECT count(*) FROM intake.outbox WHERE record_key = ANY (?)")) {
            count.setArray(1, c.createArrayOf("text", references.toArray()));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String submit(String description) {
        return given().contentType(ContentType.JSON)
                .body("{\"description\": \"" + description + "\"}")
                .post("/api/v1/tips").then().statusCode(202).extract().path("reference");
    }
}
