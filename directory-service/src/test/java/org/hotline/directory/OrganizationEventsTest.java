package org.hotline.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.contracts.EventCodec;
import org.hotline.contracts.EventType;
import org.hotline.contracts.Topics;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class OrganizationEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();
    private final EventCodec codec = new EventCodec();

    @Test
    void createUpdateAndDeleteArePublishedKeyedByIdEndingInATombstone() {
        String name = Organizations.uniqueName("Published");
        String id = Organizations.create(Organizations.body(name));

        List<ConsumerRecord<String, String>> records = await(id, 1);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> created = records.get(0);
        assertCloudEvent(created);
        assertThat(KafkaTestClient.header(created, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(created.value()).as("the description stays in the directory").doesNotContain("CANARY");
        OrganizationUpserted first = decode(created);
        assertThat(first.id()).isEqualTo(UUID.fromString(id));
        assertThat(first.name()).isEqualTo(name);
        assertThat(first.version()).isZero();
        assertThat(first.audiences()).containsExactly(Audience.YOUTH);
        assertThat(first.languages()).containsExactlyInAnyOrder("en", "es");
        assertThat(created.value()).as("sets are sent in a stable order")
                .contains("\"needs\":[\"SHELTER\",\"LEGAL\"]")
                .contains("\"days\":[\"MON\",\"TUE\",\"WED\",\"THU\",\"FRI\"]");
        assertThat(first.services()).singleElement().satisfies(s -> {
            assertThat(s.needs()).containsExactlyInAnyOrder(Need.SHELTER, Need.LEGAL);
            assertThat(s.hours().timeZone()).isEqualTo("America/Los_Angeles");
            assertThat(s.hours().weekly()).singleElement().satisfies(
                    w -> assertThat(w.days()).containsExactlyInAnyOrder("MON", "TUE", "WED", "THU", "FRI"));
            assertThat(s.area().counties()).containsExactly("NV:Washoe");
        });

        String renamed = Organizations.uniqueName("Republished");
        Callers.admin().contentType(ContentType.JSON).body(Organizations.body(renamed))
                .when().put("/api/v1/organizations/" + id)
                .then().statusCode(200);
        records = await(id, 2);
        assertThat(records).hasSize(2);
        assertCloudEvent(records.get(1));
        OrganizationUpserted second = decode(records.get(1));
        assertThat(second.name()).isEqualTo(renamed);
        assertThat(second.version()).isEqualTo(1);
        assertThat(second.updatedAt()).isAfterOrEqualTo(first.updatedAt());
        assertThat(KafkaTestClient.header(records.get(1), CloudEventHeaders.ID))
                .isNotEqualTo(KafkaTestClient.header(created, CloudEventHeaders.ID));

        Callers.admin().when().delete("/api/v1/organizations/" + id).then().statusCode(204);
        records = await(id, 3);
        assertThat(records).hasSize(3);
        ConsumerRecord<String, String> tombstone = records.get(2);
        assertThat(tombstone.value()).isNull();
        assertCloudEvent(tombstone);
        assertThat(records).extracting(ConsumerRecord::partition).as("one key, one partition, in order")
                .containsOnly(created.partition());
    }

    @Test
    void refusedChangesPublishNothing() {
        String id = Organizations.create(Organizations.body(Organizations.uniqueName("Unchanged")));
        Callers.admin().contentType(ContentType.JSON).body("{\"name\": \"\"}")
                .when().put("/api/v1/organizations/" + id)
                .then().statusCode(400);
        Callers.admin().contentType(ContentType.JSON).header("If-Match", "\"3\"")
                .body(Organizations.body(Organizations.uniqueName("Stale")))
                .when().put("/api/v1/organizations/" + id)
                .then().statusCode(412);
        // A later change is published after the creation with nothing in between.
        Callers.admin().contentType(ContentType.JSON).body(Organizations.body(Organizations.uniqueName("Accepted")))
                .when().put("/api/v1/organizations/" + id)
                .then().statusCode(200);
        List<ConsumerRecord<String, String>> records = await(id, 2);
        assertThat(records).extracting(r -> decode(r).version()).containsExactly(0L, 1L);
        assertThat(kafka.readAll(Topics.DIRECTORY_ORGANIZATIONS, r -> id.equals(r.key()))).hasSize(2);
    }

    @Test
    void republishSendsEveryOrganisationAgainUnchangedButNotTheDeletedOnes() {
        String kept = Organizations.create(Organizations.body(Organizations.uniqueName("Kept")));
        String deleted = Organizations.create(Organizations.body(Organizations.uniqueName("Deleted")));
        Callers.admin().when().delete("/api/v1/organizations/" + deleted).then().statusCode(204);
        await(deleted, 2);
        long organizations = Callers.agent().get("/api/v1/organizations?size=1").then().extract()
                .<Number>path("totalItems").longValue();

        Callers.admin().when().post("/api/v1/admin/organizations/republish")
                .then().statusCode(200)
                .body("organizations", org.hamcrest.Matchers.greaterThanOrEqualTo((int) organizations));

        List<ConsumerRecord<String, String>> records = await(kept, 2);
        assertThat(records).hasSize(2);
        assertCloudEvent(records.get(1));
        assertThat(records.get(1).value()).as("the same state, version included").isEqualTo(records.get(0).value());
        assertThat(KafkaTestClient.header(records.get(1), CloudEventHeaders.ID))
                .isNotEqualTo(KafkaTestClient.header(records.get(0), CloudEventHeaders.ID));
        // The outbox is relayed in order: once an organisation created after the republish is on the topic, so is
        // everything the republish wrote.
        String marker = Organizations.create(Organizations.body(Organizations.uniqueName("After republish")));
        await(marker, 1);
        assertThat(kafka.readAll(Topics.DIRECTORY_ORGANIZATIONS, r -> deleted.equals(r.key())))
                .as("created, then its tombstone; nothing after").hasSize(2)
                .last().satisfies(r -> assertThat(r.value()).isNull());
    }

    @Test
    void aGeneratedDirectoryIsStoredAndPublishedAndLoadingItAgainReplacesIt() {
        Callers.admin().when().post("/api/v1/admin/organizations/generate?count=40&seed=20261124")
                .then().statusCode(200)
                .body("organizations", org.hamcrest.Matchers.equalTo(40))
                .body("created", org.hamcrest.Matchers.equalTo(40));
        List<OrganizationUpserted> generated = new org.hotline.generator.DirectoryGenerator(20261124)
                .organizations(40).toList();
        OrganizationUpserted first = generated.get(0);
        Callers.agent().when().get("/api/v1/organizations/" + first.id())
                .then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo(first.name()))
                .body("services.id", org.hamcrest.Matchers.contains(
                        first.services().stream().map(s -> s.id().toString()).toArray()));
        List<ConsumerRecord<String, String>> records = await(first.id().toString(), 1);
        OrganizationUpserted published = decode(records.get(0));
        assertThat(published.version()).isZero();
        assertThat(published).usingRecursiveComparison().ignoringFields("version").isEqualTo(first);
        java.util.Set<String> ids = generated.stream().map(o -> o.id().toString())
                .collect(java.util.stream.Collectors.toSet());
        assertThat(kafka.await(Topics.DIRECTORY_ORGANIZATIONS, r -> ids.contains(r.key()), ids.size(), WAIT))
                .as("every generated organisation is on the topic").extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(ids);

        Callers.admin().when().post("/api/v1/admin/organizations/generate?count=40&seed=20261124")
                .then().statusCode(200)
                .body("created", org.hamcrest.Matchers.equalTo(0))
                .body("replaced", org.hamcrest.Matchers.equalTo(40));
        Callers.admin().when().post("/api/v1/admin/organizations/generate?count=0&seed=x")
                .then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.contains("count", "seed"));
    }

    private List<ConsumerRecord<String, String>> await(String id, int count) {
        return kafka.await(Topics.DIRECTORY_ORGANIZATIONS, r -> id.equals(r.key()), count, WAIT);
    }

    private OrganizationUpserted decode(ConsumerRecord<String, String> record) {
        return codec.decode(EventType.ORGANIZATION_UPSERTED, record.value(), OrganizationUpserted.class);
    }

    private static void assertCloudEvent(ConsumerRecord<String, String> record) {
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.TYPE)).isEqualTo("hotline.organization.upserted");
        assertThat(UUID.fromString(KafkaTestClient.header(record, CloudEventHeaders.ID))).isNotNull();
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/hotline/directory-service");
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.TIME)).isNotBlank();
    }
}
