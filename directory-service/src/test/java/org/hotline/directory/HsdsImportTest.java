package org.hotline.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.contracts.EventCodec;
import org.hotline.contracts.EventType;
import org.hotline.contracts.Topics;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;

/** Import of an HSDS dataset, and the export → import round trip. */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class HsdsImportTest {

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void exportWipeImportExportLosesNothing() {
        String token = OrganizationSearchTest.token();
        String full = Organizations.create(HsdsApiTest.fullOrganization(token));
        String withoutServices = Organizations.create("""
                {"name": "%s Bare", "emergencyDispatch": true, "audiences": ["LAW_ENFORCEMENT_ONLY"],
                 "languages": ["ase"], "services": []}""".formatted(token));
        Map<String, Object> fullBefore = view(full);
        Map<String, Object> bareBefore = view(withoutServices);

        ArrayNode before = exportAll();
        assertThat(before.findValuesAsText("id")).contains(full, withoutServices, DirectorySeedTest.NHTRC);
        for (JsonNode organization : before) {
            Callers.admin().delete("/api/v1/organizations/" + organization.get("id").asText()).then().statusCode(204);
        }
        Callers.agent().get("/api/v1/organizations").then().statusCode(200).body("totalItems", equalTo(0));

        Callers.admin().contentType(ContentType.JSON).body(page(before).toString())
                .when().post("/api/v1/admin/hsds/import")
                .then().statusCode(200)
                .body("organizations", equalTo(before.size()))
                .body("created", equalTo(before.size()))
                .body("replaced", equalTo(0));

        ArrayNode after = exportAll();
        assertThat(after).as("the second export equals the first").isEqualTo(before);
        assertThat(withoutVersion(view(full))).isEqualTo(withoutVersion(fullBefore));
        Map<String, Object> bareAfter = view(withoutServices);
        bareAfter.remove("updatedAt");
        bareBefore.remove("updatedAt");
        assertThat(withoutVersion(bareAfter)).as("an organisation without services has no HSDS modification time")
                .isEqualTo(withoutVersion(bareBefore));
        Callers.agent().get("/api/v1/organizations/" + DirectorySeedTest.NINE_ONE_ONE).then().statusCode(200)
                .body("emergencyDispatch", equalTo(true)).body("services[0].phone", equalTo("911"));
    }

    @Test
    void importingAgainReplacesAndPublishesEachOrganisation() {
        String token = OrganizationSearchTest.token();
        String id = Organizations.create(HsdsApiTest.fullOrganization(token));
        JsonNode exported = HsdsApiTest.get("/hsds/organizations/" + id + "?full_service=true");
        ObjectNode renamed = exported.deepCopy();
        renamed.put("name", token + " Renamed");
        ArrayNode body = HsdsSchemas.MAPPER.createArrayNode().add(renamed);

        Callers.admin().contentType(ContentType.JSON).body(body.toString())
                .when().post("/api/v1/admin/hsds/import")
                .then().statusCode(200)
                .body("created", equalTo(0)).body("replaced", equalTo(1));
        Callers.agent().get("/api/v1/organizations/" + id).then().statusCode(200)
                .body("name", equalTo(token + " Renamed")).body("version", equalTo(1));

        List<ConsumerRecord<String, String>> records = kafka.await(Topics.DIRECTORY_ORGANIZATIONS,
                r -> id.equals(r.key()), 2, Duration.ofSeconds(30));
        assertThat(records).hasSize(2);
        OrganizationUpserted imported = new EventCodec().decode(EventType.ORGANIZATION_UPSERTED,
                records.get(1).value(), OrganizationUpserted.class);
        assertThat(imported.name()).isEqualTo(token + " Renamed");
        assertThat(imported.version()).isEqualTo(1);
        assertThat(imported.services()).hasSize(2);
        assertThat(imported.services().get(0).hours().closedDates()).hasSize(2);
    }

    @Test
    void anInvalidOrganisationRefusesTheWholeImportNamingEachProblem() {
        String token = OrganizationSearchTest.token();
        String id = Organizations.create(HsdsApiTest.fullOrganization(token));
        JsonNode exported = HsdsApiTest.get("/hsds/organizations/" + id + "?full_service=true");
        ObjectNode valid = exported.deepCopy();
        valid.put("id", java.util.UUID.randomUUID().toString());
        valid.put("name", token + " Would be new");
        ((ObjectNode) valid.at("/services/0")).put("id", java.util.UUID.randomUUID().toString());
        ((ObjectNode) valid.at("/services/1")).put("id", java.util.UUID.randomUUID().toString());
        ObjectNode invalid = exported.deepCopy();
        invalid.put("name", "");
        ((ObjectNode) invalid.at("/services/0/schedules/0")).put("byday", "MONDAY");
        ((ObjectNode) invalid.at("/services/0/schedules/0")).put("opens_at", "09:00-05:00");
        ((ArrayNode) invalid.at("/services/0/attributes")).removeAll();

        Callers.admin().contentType(ContentType.JSON)
                .body(HsdsSchemas.MAPPER.createArrayNode().add(valid).add(invalid).toString())
                .when().post("/api/v1/admin/hsds/import")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("organizations[1].name",
                        "organizations[1].services[0].schedules[0].byday",
                        "organizations[1].services[0].schedules[0].opens_at",
                        "organizations[1].services[0].needs"))
                .body(not(containsString("MONDAY")));
        Callers.agent().get("/api/v1/organizations?q=" + token).then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(id));

        Callers.admin().contentType(ContentType.JSON).body("{\"organizations\": []}")
                .when().post("/api/v1/admin/hsds/import")
                .then().statusCode(400).body("violations[0].field", equalTo("contents"));
    }

    /** Every organisation, fully nested, page by page. */
    private static ArrayNode exportAll() {
        ArrayNode all = HsdsSchemas.MAPPER.createArrayNode();
        for (int page = 1; ; page++) {
            JsonNode answer = HsdsApiTest.get("/hsds/organizations?full_service=true&per_page=100&page=" + page);
            HsdsSchemas.assertValidPage(HsdsSchemas.ORGANIZATION, answer);
            all.addAll((ArrayNode) answer.get("contents"));
            if (answer.get("last_page").asBoolean()) {
                return all;
            }
        }
    }

    private static ObjectNode page(ArrayNode contents) {
        ObjectNode page = HsdsSchemas.MAPPER.createObjectNode();
        page.put("total_items", contents.size());
        page.set("contents", contents);
        return page;
    }

    private static Map<String, Object> view(String id) {
        return Callers.agent().get("/api/v1/organizations/" + id).then().statusCode(200).extract().jsonPath().getMap("");
    }

    private static Map<String, Object> withoutVersion(Map<String, Object> view) {
        Map<String, Object> copy = new java.util.HashMap<>(view);
        copy.remove("version");
        return copy;
    }

    static List<String> ids(ArrayNode organizations) {
        List<String> ids = new ArrayList<>();
        organizations.forEach(o -> ids.add(o.get("id").asText()));
        return ids;
    }
}
