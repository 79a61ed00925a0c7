package org.hotline.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.directory.hsds.HsdsProfile;
import org.hotline.testsupport.HotlineInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The hotline HSDS profile: its compiler gives back HSDS's own compiled schemas from HSDS's own files, so the
 * profile's compiled schemas are HSDS's with the patches; the export validates against them and, without the
 * profile's fields, against plain HSDS 3.0; and every path and parameter the read serves is HSDS's.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class HsdsProfileTest {

    @Test
    void withoutPatchesTheCompilerGivesHsdsOwnCompiledSchemas() {
        Map<String, JsonNode> compiled = HsdsProfile.compile(
                HsdsProfile.read("hsds/3.0/schema/", HsdsProfile.HSDS_SCHEMAS), Map.of(), "https://x.example");
        for (String name : List.of("service.json", "service_list.json", "organization.json", "organization_list.json",
                "service_at_location.json", "service_at_location_list.json")) {
            assertThat(compiled.get("compiled/" + name)).as(name).isEqualTo(HsdsSchemas.compiled(name));
        }
    }

    @Test
    void theProfileIsServedWhereTheProfileSpecificationSays() {
        JsonNode info = HsdsApiTest.get("/hsds/");
        String uri = info.get("profile").asText();
        assertThat(uri).isEqualTo("http://localhost:8081/hsds");
        JsonNode patches = open("/hsds/profile");
        assertThat(patches.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(HsdsProfile.PATCHES);
        HsdsProfile.PATCHES.forEach(name -> assertThat(patches.get(name))
                .isEqualTo(HsdsSchemas.readResource("hsds/profile/" + name)));
        assertThat(open("/hsds/schema").get("compiled/service.json").asText())
                .isEqualTo(uri + "/schema/compiled/service.json");
        JsonNode openapi = open("/hsds/schema/openapi.json");
        assertThat(openapi.at("/paths/~1services/get/responses/200/content/application~1json/schema/properties"
                + "/contents/items/$ref").asText()).isEqualTo(uri + "/schema/compiled/service_list.json");
        assertThat(openapi.at("/components/parameters/format/schema/enum").toString())
                .isEqualTo("[\"json\",\"ndjson\"]");
        // The patched field's enums are the vocabularies themselves.
        assertThat(texts(open("/hsds/schema/compiled/service.json").at("/properties/needs/items/enum")))
                .containsExactly(Arrays.stream(Need.values()).map(Need::name).toArray(String[]::new));
        assertThat(texts(open("/hsds/schema/compiled/organization.json").at("/properties/audiences/items/enum")))
                .containsExactly(Arrays.stream(Audience.values()).map(Audience::name).toArray(String[]::new));
        RestAssured.given().get("/hsds/schema/compiled/nothing.json").then().statusCode(404);
    }

    @Test
    void theExportValidatesAgainstTheProfileAndWithoutItsFieldsAgainstHsds() {
        String token = OrganizationSearchTest.token();
        String id = Organizations.create(HsdsApiTest.fullOrganization(token));
        Organizations.create(HsdsPublicReadTest.locatedOrganization(token + " Located", false, false, true));
        JsonSchema service = profileSchema("service.json");
        JsonSchema serviceList = profileSchema("service_list.json");
        JsonSchema organization = profileSchema("organization.json");
        JsonSchema organizationList = profileSchema("organization_list.json");
        JsonSchema atLocationList = profileSchema("service_at_location_list.json");
        JsonSchema atLocation = profileSchema("service_at_location.json");
        Set<String> fields = profileFields();
        assertThat(fields).contains("needs", "iana_time_zone", "audiences", "law_enforcement", "confidential");

        List<Checked> answers = List.of(
                new Checked("/hsds/organizations?per_page=500&search=" + token, organizationList,
                        HsdsSchemas.ORGANIZATION_LIST_ITEM),
                new Checked("/hsds/organizations?per_page=500&full_service=true&search=" + token, organization,
                        HsdsSchemas.ORGANIZATION),
                new Checked("/hsds/services?per_page=500&search=" + token, serviceList, HsdsSchemas.SERVICE_LIST_ITEM),
                new Checked("/hsds/services?per_page=500&full=true&search=" + token, service, HsdsSchemas.SERVICE),
                new Checked("/hsds/service_at_locations?per_page=500&search=" + token, atLocationList,
                        HsdsSchemas.SERVICE_AT_LOCATION_LIST_ITEM),
                new Checked("/hsds/service_at_locations?per_page=500&full=true&search=" + token, atLocation,
                        HsdsSchemas.SERVICE_AT_LOCATION));
        for (Checked checked : answers) {
            JsonNode page = HsdsApiTest.get(checked.path());
            assertThat(page.get("contents")).as(checked.path()).isNotEmpty();
            HsdsSchemas.assertValidPage(checked.profile(), page);
            ObjectNode plain = page.deepCopy();
            removeFields(plain, fields);
            assertThat(plain.toString()).doesNotContain("\"iana_time_zone\"");
            HsdsSchemas.assertValidPage(checked.hsds(), plain);
        }
        JsonNode full = HsdsApiTest.get("/hsds/services/" + HsdsApiTest.get("/hsds/organizations/" + id)
                .at("/services/0/id").asText());
        HsdsSchemas.assertValid(service, full);
        assertThat(full.get("needs").toString()).isEqualTo("[\"SHELTER\",\"LEGAL\"]");
        assertThat(full.get("iana_time_zone").asText()).isEqualTo("America/Los_Angeles");
        assertThat(full.at("/schedules/0/iana_time_zone").asText()).isEqualTo("America/Los_Angeles");
        assertThat(full.at("/service_areas/0/area_kind").asText()).isEqualTo("STATE");

        // The profile's schemas check the profile's fields; HSDS's ignore them.
        ObjectNode wrong = full.deepCopy();
        wrong.put("iana_time_zone", "-05:00");
        ((ArrayNode) wrong.get("needs")).add("NOT_A_NEED");
        assertThat(service.validate(wrong)).hasSize(2);
        assertThat(HsdsSchemas.SERVICE.validate(wrong)).isEmpty();
    }

    @Test
    void everyPathAndParameterServedIsHsdsOwn() {
        JsonNode hsds = HsdsSchemas.openapi();
        JsonNode ours = HsdsSchemas.parse(RestAssured.given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        List<String> checked = new ArrayList<>();
        for (String prefix : List.of("/hsds", "/api/v1/public/hsds")) {
            ours.get("paths").fieldNames().forEachRemaining(path -> {
                if (!path.equals(prefix) && !path.startsWith(prefix + "/") || path.startsWith("/hsds/profile")
                        || path.startsWith("/hsds/schema") || prefix.equals("/hsds") && path.startsWith("/hsds/public")) {
                    return;
                }
                String hsdsPath = path.equals(prefix) ? "/" : path.substring(prefix.length());
                JsonNode official = hsds.get("paths").get(hsdsPath);
                assertThat(official).as("HSDS has " + hsdsPath).isNotNull();
                Set<String> allowed = new HashSet<>();
                official.path("parameters").forEach(p -> allowed.add(parameterName(hsds, p)));
                official.path("get").path("parameters").forEach(p -> allowed.add(parameterName(hsds, p)));
                ours.get("paths").get(path).path("get").path("parameters").forEach(p -> {
                    String name = p.get("name").asText();
                    assertThat(allowed).as(path + " takes " + name).contains(name);
                });
                ours.get("paths").get(path).path("parameters").forEach(p ->
                        assertThat(allowed).as(path + " takes " + p.get("name").asText())
                                .contains(p.get("name").asText()));
                checked.add(path);
            });
        }
        assertThat(checked).contains("/hsds/services", "/hsds/service_at_locations", "/hsds/service_at_locations/{id}",
                "/api/v1/public/hsds/services", "/api/v1/public/hsds");
        assertThat(checked).hasSize(22);
        // The Page wrapper: every field HSDS's Page names, and nothing else.
        JsonNode page = HsdsApiTest.get("/hsds/service_at_locations?per_page=1");
        List<String> pageFields = new ArrayList<>();
        hsds.at("/components/schemas/Page/properties").fieldNames().forEachRemaining(pageFields::add);
        hsds.at("/paths/~1service_at_locations/get/responses/200/content/application~1json/schema/properties")
                .fieldNames().forEachRemaining(pageFields::add);
        List<String> served = new ArrayList<>();
        page.fieldNames().forEachRemaining(served::add);
        assertThat(served).containsExactlyInAnyOrderElementsOf(pageFields);
    }

    private record Checked(String path, JsonSchema profile, JsonSchema hsds) {
    }

    private static String parameterName(JsonNode openapi, JsonNode parameter) {
        if (parameter.has("$ref")) {
            return openapi.at(parameter.get("$ref").asText().substring(1)).get("name").asText();
        }
        return parameter.get("name").asText();
    }

    /** Every property the profile's schema patches add. */
    private static Set<String> profileFields() {
        Set<String> fields = new HashSet<>();
        HsdsProfile.PATCHES.stream().filter(name -> !name.equals("openapi.json")).forEach(name ->
                HsdsSchemas.readResource("hsds/profile/" + name).get("properties").fieldNames()
                        .forEachRemaining(fields::add));
        return fields;
    }

    private static void removeFields(JsonNode node, Set<String> fields) {
        if (node.isObject()) {
            ((ObjectNode) node).remove(fields);
        }
        node.forEach(child -> removeFields(child, fields));
    }

    private static JsonSchema profileSchema(String compiled) {
        return HsdsSchemas.schema(open("/hsds/schema/compiled/" + compiled));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    private static JsonNode open(String path) {
        return HsdsSchemas.parse(RestAssured.given().get(path).then().statusCode(200).extract().asString());
    }
}
