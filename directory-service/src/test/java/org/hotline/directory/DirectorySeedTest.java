package org.hotline.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.contracts.EventCodec;
import org.hotline.contracts.EventType;
import org.hotline.contracts.Topics;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.directory.service.DirectorySeeder;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class DirectorySeedTest {

    static final String NINE_ONE_ONE = "5eed0000-0000-4000-8000-000000000911";
    static final String NHTRC = "5eed0000-0000-4000-8000-018883737888";
    static final String DOJ_TASK_FORCE = "5eed0000-0000-4000-8000-018884287581";
    static final String COALITION = "5eed0000-0000-4000-8000-00000000ccc5";
    static final Map<String, String> PHONES = Map.of(
            NINE_ONE_ONE, "911",
            NHTRC, "1-888-373-7888",
            DOJ_TASK_FORCE, "1-888-428-7581",
            "5eed0000-0000-4000-8000-018007997233", "1-800-799-7233",
            "5eed0000-0000-4000-8000-018006564673", "1-800-656-4673",
            "5eed0000-0000-4000-8000-018007862929", "1-800-786-2929",
            "5eed0000-0000-4000-8000-018009999999", "1-800-999-9999",
            "5eed0000-0000-4000-8000-018008435678", "1-800-843-5678");

    @Inject
    DirectorySeeder seeder;

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void nationalHotlineIsSeededWithItsFixedIdAndNumber() {
        Callers.agent().when().get("/api/v1/organizations/" + NHTRC)
                .then().statusCode(200)
                .body("name", equalTo("National Human Trafficking Resource Center (NHTRC)"))
                .body("lawEnforcement", equalTo(false))
                .body("emergencyDispatch", equalTo(false))
                .body("lastVerifiedOn", equalTo("2026-11-01"))
                .body("services[0].id", equalTo("5eed0001-0000-4000-8000-018883737888"))
                .body("services[0].phone", equalTo("1-888-373-7888"))
                .body("services[0].hours.open24h", equalTo(true))
                .body("services[0].area.national", equalTo(true))
                .body("services[0].needs", hasItems("INFORMATION", "TRAINING", "CASE_MANAGEMENT", "SHELTER",
                        "EMERGENCY_SHELTER", "LEGAL", "IMMIGRATION", "LABOR_RIGHTS", "MEDICAL", "MENTAL_HEALTH",
                        "TRANSPORTATION"));
    }

    @Test
    void dojTaskForceIsLawEnforcementOnWeekdaysEastern() {
        Callers.agent().when().get("/api/v1/organizations/" + DOJ_TASK_FORCE)
                .then().statusCode(200)
                .body("lawEnforcement", equalTo(true))
                .body("services[0].needs", contains("LAW_ENFORCEMENT"))
                .body("services[0].phone", equalTo("1-888-428-7581"))
                .body("services[0].hours.timeZone", equalTo("America/New_York"))
                .body("services[0].hours.open24h", equalTo(false))
                .body("services[0].hours.weekly[0].days", contains("MON", "TUE", "WED", "THU", "FRI"))
                .body("services[0].hours.weekly[0].opens", equalTo("09:00"))
                .body("services[0].hours.weekly[0].closes", equalTo("17:00"));
    }

    @Test
    void emergencyDispatchAndTheLocalCoalitionAreSeeded() {
        Callers.agent().when().get("/api/v1/organizations/" + NINE_ONE_ONE)
                .then().statusCode(200)
                .body("emergencyDispatch", equalTo(true))
                .body("lawEnforcement", equalTo(true))
                .body("services[0].phone", equalTo("911"))
                .body("services[0].hours.open24h", equalTo(true));
        Callers.agent().when().get("/api/v1/organizations/" + COALITION)
                .then().statusCode(200)
                .body("services[0].phone", nullValue())
                .body("services[0].area.national", equalTo(false))
                .body("services[0].area.counties", containsInAnyOrder("CA:Monterey", "CA:Santa Cruz",
                        "CA:San Benito", "CA:San Luis Obispo", "CA:Santa Barbara"))
                .body("services[0].hours.timeZone", equalTo("America/Los_Angeles"))
                .body("services[0].needs", containsInAnyOrder("CASE_MANAGEMENT", "SHELTER", "LEGAL", "TRAINING"));
        Callers.agent().when().get("/api/v1/organizations?state=CA&need=CASE_MANAGEMENT&size=100")
                .then().statusCode(200)
                .body("items.id", hasItems(COALITION, NHTRC));
    }

    @Test
    void everySeededOrganisationIsOnTheTopic() {
        List<String> ids = List.copyOf(PHONES.keySet());
        kafka.await(Topics.DIRECTORY_ORGANIZATIONS, r -> ids.contains(r.key()) || COALITION.equals(r.key()),
                ids.size() + 1, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> all = kafka.readAll(Topics.DIRECTORY_ORGANIZATIONS,
                r -> ids.contains(r.key()) || COALITION.equals(r.key()));
        // The first record of each key is its seeding (other tests republish, export and re-import the directory).
        Map<String, ConsumerRecord<String, String>> first = all.stream().collect(Collectors.toMap(
                ConsumerRecord::key, r -> r, (a, b) -> a.offset() <= b.offset() ? a : b));
        List<ConsumerRecord<String, String>> records = List.copyOf(first.values());
        assertThat(records).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(concat(ids, COALITION));
        EventCodec codec = new EventCodec();
        Map<String, OrganizationUpserted> events = records.stream().collect(Collectors.toMap(ConsumerRecord::key,
                r -> codec.decode(EventType.ORGANIZATION_UPSERTED, r.value(), OrganizationUpserted.class)));
        PHONES.forEach((id, phone) -> assertThat(events.get(id).services().get(0).phone()).isEqualTo(phone));
        assertThat(events.values()).allSatisfy(e -> {
            assertThat(e.version()).isZero();
            assertThat(e.lastVerifiedOn()).isEqualTo(LocalDate.of(2026, 11, 1));
        });
        assertThat(records).allSatisfy(r -> assertThat(KafkaTestClient.header(r, CloudEventHeaders.TYPE))
                .isEqualTo("hotline.organization.upserted"));
        assertThat(events.get(NINE_ONE_ONE).emergencyDispatch()).isTrue();
    }

    @Test
    void seedingAgainAddsNothing() {
        assertThat(QuarkusTransaction.requiringNew().call(seeder::seedIfEmpty)).isZero();
        Callers.agent().when().get("/api/v1/organizations/" + NHTRC).then().statusCode(200).body("version", equalTo(0));
    }

    private static List<String> concat(List<String> ids, String id) {
        return java.util.stream.Stream.concat(ids.stream(), java.util.stream.Stream.of(id)).toList();
    }
}
