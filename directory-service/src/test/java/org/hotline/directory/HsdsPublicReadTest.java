package org.hotline.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hotline.testsupport.HotlineInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The public HSDS read under {@code /api/v1/public/hsds}: no token; never a confidential organisation (flagged, or
 * admitting law enforcement only) or service; a confidential location without its address, coordinates, or any
 * match by place; staff keep the full read. (The limit per client: {@link HsdsPublicReadLimitTest}.)
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class HsdsPublicReadTest {

    static final String HIDDEN_ADDRESS = "99 Hidden Lane";
    private static final String OPEN = "/api/v1/public/hsds";

    @Test
    void aConfidentialOrganizationIsOnlyInTheStaffRead() {
        String token = OrganizationSearchTest.token();
        String flagged = Organizations.create(locatedOrganization(token + " Flagged", true, false, false));
        String lawEnforcementOnly = Organizations.create(locatedOrganization(token + " Task force", false, false,
                false).replace("\"audiences\": []", "\"audiences\": [\"LAW_ENFORCEMENT_ONLY\"]"));
        String open = Organizations.create(locatedOrganization(token + " Open", false, false, false));

        assertThat(each(publicGet("/organizations?per_page=500&search=" + token).get("contents"), "id"))
                .containsExactly(open);
        given().get(OPEN + "/organizations/" + flagged).then().statusCode(404);
        given().get(OPEN + "/organizations/" + lawEnforcementOnly).then().statusCode(404);
        assertThat(publicGet("/services?per_page=500&search=" + token).get("contents")
                .findValuesAsText("organization_id")).containsOnly(open);
        assertThat(publicGet("/service_at_locations?per_page=500&search=" + token).findValuesAsText("organization_id"))
                .containsOnly(open);

        JsonNode staff = HsdsApiTest.get("/hsds/organizations?per_page=500&search=" + token);
        assertThat(each(staff.get("contents"), "id"))
                .containsExactlyInAnyOrder(flagged, lawEnforcementOnly, open);
        assertThat(HsdsApiTest.get("/hsds/organizations/" + flagged).get("confidential").asBoolean()).isTrue();
        HsdsApiTest.get("/hsds/organizations/" + lawEnforcementOnly);
    }

    @Test
    void aConfidentialServiceIsLeftOutOfItsPublicOrganization() {
        String token = OrganizationSearchTest.token();
        String id = Organizations.create(locatedOrganization(token + " Line", false, true, false));
        JsonNode staff = HsdsApiTest.get("/hsds/organizations/" + id + "?full_service=true");
        assertThat(each(staff.get("services"), "name")).containsExactly("Drop-in centre", "Police line");
        String line = staff.at("/services/1/id").asText();
        assertThat(staff.at("/services/1/confidential").asBoolean()).isTrue();

        JsonNode open = publicGet("/organizations/" + id + "?full_service=true");
        assertThat(each(open.get("services"), "name")).containsExactly("Drop-in centre");
        given().get(OPEN + "/services/" + line).then().statusCode(404);
        HsdsApiTest.get("/hsds/services/" + line);
        assertThat(each(publicGet("/services?per_page=500&search=" + token).get("contents"), "id"))
                .doesNotContain(line).hasSize(1);
    }

    @Test
    void aConfidentialLocationHasNoAddressInThePublicRead() {
        String token = OrganizationSearchTest.token();
        String id = Organizations.create(locatedOrganization(token + " Shelter", false, false, true));
        String body = given().get(OPEN + "/organizations/" + id + "?full_service=true").then().statusCode(200)
                .extract().asString();
        JsonNode open = HsdsSchemas.parse(body);
        List<String> names = each(open.at("/services/0/service_at_locations"), "/location/name");
        assertThat(names).containsExactly("Drop-in", "Safe house");
        JsonNode hidden = open.at("/services/0/service_at_locations/1/location");
        assertThat(hidden.get("confidential").asBoolean()).isTrue();
        assertThat(hidden.has("addresses") || hidden.has("latitude") || hidden.has("longitude")).isFalse();
        String atLocation = open.at("/services/0/service_at_locations/1/id").asText();
        for (String path : List.of("/organizations/" + id + "?full_service=true", "/services?full=true&search=" + token,
                "/services?format=ndjson&full=true&search=" + token,
                "/service_at_locations?full=true&search=" + token, "/service_at_locations/" + atLocation,
                "/organizations?format=ndjson&full_service=true&search=" + token)) {
            assertThat(given().get(OPEN + path).then().statusCode(200).extract().asString()).as(path)
                    .doesNotContain(HIDDEN_ADDRESS).doesNotContain("-121.978");
        }
        // Not found by place either: not by its postcode, and not by distance.
        assertThat(publicGet("/service_at_locations?postcode=95062&search=" + token).get("contents")).isEmpty();
        assertThat(each(publicGet("/service_at_locations?postcode=95060&proximity=10000&search=" + token)
                .get("contents"), "id")).hasSize(1).doesNotContain(atLocation);

        JsonNode staff = HsdsApiTest.get("/hsds/service_at_locations/" + atLocation);
        assertThat(staff.at("/location/addresses/0/address_1").asText()).isEqualTo(HIDDEN_ADDRESS);
        assertThat(staff.at("/location/confidential").asBoolean()).isTrue();
        assertThat(each(HsdsApiTest.get("/hsds/service_at_locations?postcode=95060&proximity=10000&search=" + token)
                .get("contents"), "id")).hasSize(2).contains(atLocation);
        assertThat(each(HsdsApiTest.get("/hsds/service_at_locations?postcode=95060&proximity=1000&search=" + token)
                .get("contents"), "id")).as("4.6 km away").hasSize(1);
    }

    @Test
    void noTokenIsNeededAndTheAnswersAreHsds() {
        String token = OrganizationSearchTest.token();
        Organizations.create(locatedOrganization(token + " Valid", false, false, true));
        JsonNode info = publicGet("");
        HsdsSchemas.assertValid(HsdsSchemas.API_INFO, info);
        assertThat(info.get("profile").asText()).endsWith("/hsds");
        HsdsSchemas.assertValidPage(HsdsSchemas.ORGANIZATION, publicGet("/organizations?full_service=true&search="
                + token));
        HsdsSchemas.assertValidPage(HsdsSchemas.SERVICE_AT_LOCATION_LIST_ITEM,
                publicGet("/service_at_locations?search=" + token));
        given().get("/hsds/services").then().statusCode(401);
    }

    /**
     * An organisation with a drop-in centre at two locations (the second, "Safe house", 4.6 km east in another ZIP
     * code) and a police line; each flag makes the organisation, the police line or the safe house confidential.
     */
    static String locatedOrganization(String name, boolean organization, boolean line, boolean safeHouse) {
        return """
                {"name": "%s", "confidential": %s, "audiences": [],
                 "services": [
                   {"name": "Drop-in centre", "needs": ["SHELTER"],
                    "hours": {"timeZone": "America/Los_Angeles", "open24h": true},
                    "area": {"postalCodes": ["95060"]},
                    "locations": [
                      {"name": "Drop-in", "address": "1 Pacific Avenue", "city": "Santa Cruz", "state": "CA",
                       "postalCode": "95060", "latitude": 36.974, "longitude": -122.030, "confidential": false},
                      {"name": "Safe house", "address": "%s", "city": "Santa Cruz", "state": "CA",
                       "postalCode": "95062", "latitude": 36.974, "longitude": -121.978, "confidential": %s}]},
                   {"name": "Police line", "needs": ["LAW_ENFORCEMENT"], "confidential": %s,
                    "hours": {"timeZone": "America/Los_Angeles", "open24h": true}, "area": {"national": true}}]}"""
                .formatted(name, organization, HIDDEN_ADDRESS, safeHouse, line);
    }

    /** A member of each element of {@code array} (a JSON pointer when it starts with /). */
    static List<String> each(JsonNode array, String member) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(e -> values.add((member.startsWith("/") ? e.at(member) : e.path(member)).asText()));
        return values;
    }

    private static JsonNode publicGet(String path) {
        return HsdsSchemas.parse(given().accept(ContentType.JSON).get(OPEN + path).then().statusCode(200)
                .contentType(ContentType.JSON).extract().asString());
    }
}
