package org.hotline.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hotline.testsupport.HotlineInfrastructure;
import org.junit.jupiter.api.Test;

/** The HSDS 3.0 read API: every answer validates against the official schemas, and carries the directory's data. */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class HsdsApiTest {

    static final String SHELTER_TERM = "7a0c0001-0000-4000-8000-000000000002";
    static final String YOUTH_TERM = "7a0c0002-0000-4000-8000-000000000001";
    static final String NEEDS_TAXONOMY = "7a0c0000-0000-4000-8000-000000000001";

    @Test
    void apiInfoNamesTheVersionAndTheOpenApiDocument() {
        JsonNode info = get("/hsds/");
        HsdsSchemas.assertValid(HsdsSchemas.API_INFO, info);
        assertThat(info.get("version").asText()).isEqualTo("3.0");
        assertThat(info.get("openapi_url").asText()).endsWith("/q/openapi");
    }

    @Test
    void aServiceIsFullyNestedAndCarriesTheHotlinesFieldsAsAttributes() {
        String token = OrganizationSearchTest.token();
        String id = Organizations.create(fullOrganization(token));
        JsonNode organization = get("/hsds/organizations/" + id + "?full_service=true");
        HsdsSchemas.assertValid(HsdsSchemas.ORGANIZATION, organization);
        String serviceId = organization.at("/services/0/id").asText();

        JsonNode service = get("/hsds/services/" + serviceId);
        HsdsSchemas.assertValid(HsdsSchemas.SERVICE, service);
        assertThat(service.get("status").asText()).isEqualTo("active");
        assertThat(service.get("organization_id").asText()).isEqualTo(id);
        assertThat(service.at("/organization/name").asText()).isEqualTo(token + " Full");
        assertThat(service.get("assured_date").asText()).isEqualTo("2026-10-15");
        assertThat(service.at("/phones/0/number").asText()).isEqualTo("1-775-555-0100");
        assertThat(service.get("phones")).hasSize(1);
        assertThat(service.at("/schedules/0/byday").asText()).isEqualTo("MO,TU,WE,TH,FR");
        assertThat(service.at("/schedules/0/opens_at").asText()).isEqualTo("09:00");
        assertThat(service.at("/schedules/0/closes_at").asText()).isEqualTo("17:00");
        assertThat(service.at("/schedules/1/byday").asText()).isEqualTo("SA");
        assertThat(service.at("/schedules/1/closes_at").asText()).isEqualTo("06:00");
        assertThat(attributes(service.at("/schedules/0/attributes"))).containsExactly("time-zone=America/Los_Angeles");
        assertThat(attributes(service.get("attributes"))).containsExactly("SHELTER", "LEGAL",
                "time-zone=America/Los_Angeles", "closed-date=2026-11-26", "closed-date=2026-12-25");
        assertThat(service.at("/attributes/0/taxonomy_term_id").asText()).isEqualTo(SHELTER_TERM);
        assertThat(service.at("/attributes/0/taxonomy_term/taxonomy_id").asText()).isEqualTo(NEEDS_TAXONOMY);
        List<String> areas = new ArrayList<>();
        service.get("service_areas").forEach(a -> areas.add(a.get("name").asText() + " "
                + attributes(a.get("attributes"))));
        assertThat(areas).containsExactly("NV [area-state=NV]", "Washoe, NV [area-county=NV:Washoe]",
                "ZIP 89501 [area-postal-code=89501]");
        assertThat(service.get("languages").findValuesAsText("code")).containsExactly("en", "es");

        assertThat(attributes(organization.get("attributes"))).containsExactly("YOUTH", "law-enforcement-agency",
                "last-verified-on=2026-10-15", "language=en", "language=es");
        JsonNode allDay = organization.at("/services/1");
        assertThat(attributes(allDay.at("/schedules/0/attributes")))
                .containsExactly("open-24-hours", "time-zone=America/New_York");
        assertThat(allDay.at("/schedules/0/byday").asText()).isEqualTo("MO,TU,WE,TH,FR,SA,SU");
        assertThat(allDay.has("phones") && allDay.get("phones").isEmpty()).as("no phone is invented").isTrue();
        assertThat(attributes(allDay.get("service_areas").get(0).get("attributes"))).containsExactly("area-national");
    }

    @Test
    void organizationListsValidateAtEveryDepthAndPageFromOne() {
        Organizations.create(fullOrganization(OrganizationSearchTest.token()));
        JsonNode basic = get("/hsds/organizations?per_page=5");
        HsdsSchemas.assertValidPage(HsdsSchemas.ORGANIZATION_LIST_ITEM, basic);
        assertThat(basic.get("page_number").asInt()).isEqualTo(1);
        assertThat(basic.get("first_page").asBoolean()).isTrue();
        assertThat(basic.get("size").asInt()).isEqualTo(5);
        assertThat(basic.get("contents").get(0).has("services")).isFalse();
        long total = basic.get("total_items").asLong();
        assertThat(basic.get("total_pages").asLong()).isEqualTo((total + 4) / 5);

        JsonNode full = get("/hsds/organizations?per_page=100&full=true");
        HsdsSchemas.assertValidPage(HsdsSchemas.ORGANIZATION, full);
        JsonNode fullServices = get("/hsds/organizations?per_page=100&full_service=true&page=1");
        HsdsSchemas.assertValidPage(HsdsSchemas.ORGANIZATION, fullServices);
        fullServices.get("contents").forEach(o -> o.get("services")
                .forEach(s -> HsdsSchemas.assertValid(HsdsSchemas.SERVICE, s)));

        JsonNode second = get("/hsds/organizations?per_page=5&page=2");
        assertThat(second.get("page_number").asInt()).isEqualTo(2);
        assertThat(second.get("first_page").asBoolean()).isFalse();
        assertThat(second.get("contents").findValuesAsText("id"))
                .doesNotContainAnyElementsOf(basic.get("contents").findValuesAsText("id"));
        JsonNode beyond = get("/hsds/organizations?per_page=5&page=" + (total / 5 + 2));
        HsdsSchemas.assertValidPage(HsdsSchemas.ORGANIZATION_LIST_ITEM, beyond);
        assertThat(beyond.get("empty").asBoolean()).isTrue();
        assertThat(beyond.get("last_page").asBoolean()).isTrue();
    }

    @Test
    void serviceListsValidateAsListFullAndMinimal() {
        JsonNode list = get("/hsds/services?per_page=50");
        HsdsSchemas.assertValidPage(HsdsSchemas.SERVICE_LIST_ITEM, list);
        assertThat(list.at("/contents/0/organization/id").isTextual()).isTrue();
        HsdsSchemas.assertValidPage(HsdsSchemas.SERVICE, get("/hsds/services?per_page=50&full=true"));
        JsonNode minimal = get("/hsds/services?per_page=50&minimal=true");
        HsdsSchemas.assertValidPage(HsdsSchemas.SERVICE_LIST_ITEM, minimal);
        assertThat(minimal.at("/contents/0/last_modified").isTextual()).isTrue();
        assertThat(minimal.at("/contents/0/schedules").isMissingNode()).isTrue();
    }

    @Test
    void serviceFiltersCombineWithAnd() {
        String token = OrganizationSearchTest.token();
        String id = Organizations.create(fullOrganization(token));
        String other = Organizations.create(Organizations.organization(token + " Other", "[]", "2026-11-01",
                Organizations.service("[\"SHELTER\"]", Organizations.weekdays("America/Chicago", "09:00", "17:00"),
                        "{\"national\": true}")));

        assertThat(serviceOrganizations("search=" + token)).containsExactlyInAnyOrder(id, id, other);
        assertThat(serviceOrganizations("search=" + token + "&taxonomy_term_id=" + SHELTER_TERM))
                .containsExactlyInAnyOrder(id, other);
        assertThat(serviceOrganizations("search=" + token + "&taxonomy_term_id=" + SHELTER_TERM
                + "&organization_id=" + other)).containsExactly(other);
        assertThat(serviceOrganizations("search=" + token + "&taxonomy_term_id=" + YOUTH_TERM))
                .as("the audience is the organisation's").containsExactly(id, id);
        assertThat(serviceOrganizations("search=" + token + "&taxonomy_id=" + NEEDS_TAXONOMY)).hasSize(3);
        assertThat(serviceOrganizations("search=" + token + "&taxonomy_term_id=7a0c0003-0000-4000-8000-000000000006"))
                .as("open-24-hours").containsExactly(id);
        assertThat(serviceOrganizations("search=" + token + "&modified_after=2100-01-01T00:00:00Z")).isEmpty();
        assertThat(serviceOrganizations("search=" + token + "&modified_after=2000-01-01T00:00:00Z")).hasSize(3);
        assertThat(serviceOrganizations("search=" + token + "&taxonomy_id=" + java.util.UUID.randomUUID())).isEmpty();
    }

    @Test
    void badParametersAndUnknownIdsAreProblems() {
        Callers.agent().get("/hsds/services?page=0&per_page=501&format=xml&taxonomy_term_id=SHELTER&minimal=yes"
                        + "&modified_after=yesterday")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("format", "minimal", "modified_after", "page", "per_page",
                        "taxonomy_term_id"));
        Callers.agent().queryParam("full_service", "maybe").queryParam("search", " ").get("/hsds/organizations")
                .then().statusCode(400)
                .body("violations.field", contains("full_service", "search"));
        Callers.agent().get("/hsds/services/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        Callers.agent().get("/hsds/organizations/not-an-id")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void taxonomiesAndTermsAreServed() {
        Callers.agent().get("/hsds/taxonomies").then().statusCode(200)
                .body("total_items", equalTo(3))
                .body("contents.name", contains("Hotline needs", "Hotline audiences", "Hotline directory attributes"));
        Callers.agent().get("/hsds/taxonomy_terms?taxonomy_id=" + NEEDS_TAXONOMY + "&per_page=100")
                .then().statusCode(200)
                .body("total_items", equalTo(16));
        Callers.agent().get("/hsds/taxonomy_terms/" + SHELTER_TERM).then().statusCode(200)
                .body("code", equalTo("SHELTER")).body("taxonomy", endsWith("/needs"));
    }

    @Test
    void theSchemasThemselvesRejectWhatHsdsForbids() {
        JsonNode service = get("/hsds/services?per_page=1").at("/contents/0");
        ObjectNode withoutStatus = service.deepCopy();
        withoutStatus.remove("status");
        assertThat(HsdsSchemas.SERVICE_LIST_ITEM.validate(withoutStatus)).isNotEmpty();
        ObjectNode badId = service.deepCopy();
        badId.put("id", "not-a-uuid");
        assertThat(HsdsSchemas.SERVICE_LIST_ITEM.validate(badId)).as("format assertions are on").isNotEmpty();
    }

    /** An organisation with every hotline field set: audiences, flags, languages, overnight and 24-hour hours. */
    static String fullOrganization(String token) {
        return """
                {"name": "%s Full", "description": "Every field set", "lawEnforcement": true,
                 "emergencyDispatch": false, "audiences": ["YOUTH"], "languages": ["es", "en"],
                 "lastVerifiedOn": "2026-10-15",
                 "services": [
                   {"name": "Shelter and legal help", "needs": ["LEGAL", "SHELTER"], "phone": "1-775-555-0100",
                    "hours": {"timeZone": "America/Los_Angeles", "open24h": false,
                              "weekly": [{"days": ["FRI", "MON", "TUE", "WED", "THU"], "opens": "09:00", "closes": "17:00"},
                                         {"days": ["SAT"], "opens": "22:00", "closes": "06:00"}],
                              "closedDates": ["2026-12-25", "2026-11-26"]},
                    "area": {"national": false, "states": ["NV"], "counties": ["NV:Washoe"], "postalCodes": ["89501"]}},
                   {"name": "Information line", "needs": ["INFORMATION"],
                    "hours": {"timeZone": "America/New_York", "open24h": true, "weekly": [], "closedDates": []},
                    "area": {"national": true}}]}""".formatted(token);
    }

    /** Each attribute as its term code, and {@code =value} when it has one. */
    static List<String> attributes(JsonNode attributes) {
        List<String> codes = new ArrayList<>();
        attributes.forEach(a -> codes.add(a.at("/taxonomy_term/code").asText()
                + (a.hasNonNull("value") ? "=" + a.get("value").asText() : "")));
        return codes;
    }

    private static List<String> serviceOrganizations(String query) {
        JsonNode page = get("/hsds/services?per_page=500&" + query);
        HsdsSchemas.assertValidPage(HsdsSchemas.SERVICE_LIST_ITEM, page);
        return page.get("contents").findValuesAsText("organization_id");
    }

    static JsonNode get(String path) {
        return HsdsSchemas.parse(Callers.agent().accept(ContentType.JSON).get(path)
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString());
    }
}
