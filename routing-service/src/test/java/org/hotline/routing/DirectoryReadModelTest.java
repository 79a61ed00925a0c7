package org.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hotline.contracts.EventType;
import org.hotline.contracts.Topics;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class DirectoryReadModelTest {

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void readModelFollowsTheCompactedTopicIncludingTombstones() throws Exception {
        UUID id = UUID.randomUUID();
        kafka.publishEvent(id.toString(), organization(id, "Coalition v1", 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> "Coalition v1".equals(nameOf(id)));

        kafka.publishEvent(id.toString(), organization(id, "Coalition v2", 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> "Coalition v2".equals(nameOf(id)));

        // A stale version, replayed out of order, must not roll the copy back.
        kafka.publishEvent(id.toString(), organization(id, "Coalition stale", 1));
        UUID marker = UUID.randomUUID();
        kafka.publishEvent(id.toString(), organization(marker, "Marker", 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> nameOf(marker) != null);
        assertThat(nameOf(id)).isEqualTo("Coalition v2");

        kafka.send(Topics.DIRECTORY_ORGANIZATIONS, id.toString(), null,
                KafkaTestClient.cloudEventHeaders(UUID.randomUUID(), EventType.ORGANIZATION_UPSERTED));
        await().atMost(Duration.ofSeconds(30)).until(() -> nameOf(id) == null);
    }

    private static OrganizationUpserted organization(UUID id, String name, long version) {
        return new OrganizationUpserted(id, name, false, false, Set.of(), Set.of("en"), LocalDate.of(2026, 11, 1),
                List.of(new OrganizationUpserted.Service(UUID.randomUUID(), "Case management",
                        Set.of(Need.CASE_MANAGEMENT), "1-555-0100",
                        new OrganizationUpserted.Hours("America/Los_Angeles", true, List.of(), Set.of()),
                        new OrganizationUpserted.Area(false, Set.of("CA"), Set.of(), Set.of()))),
                version, Instant.now());
    }

    private static String nameOf(UUID id) throws Exception {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT name FROM routing.directory_organization WHERE id = ? AND NOT deleted")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
