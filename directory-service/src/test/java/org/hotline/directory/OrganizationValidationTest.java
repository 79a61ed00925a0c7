package org.hotline.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.hotline.testsupport.HotlineInfrastructure;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class OrganizationValidationTest {

    private static final String NEVADA = "{\"national\": false, \"states\": [\"NV\"]}";

    @Test
    void unknownTimeZoneIsNamedAndNothingIsStored() throws Exception {
        String name = Organizations.uniqueName("Bad zone");
        post(Organizations.body(name, Organizations.service(null, "[\"LEGAL\"]", "Mars/Olympus_Mons", "09:00",
                "17:00", NEVADA)))
                .body("violations.field", contains("services[0].hours.timeZone"))
                .body("violations[0].message", containsString("IANA time zone"))
                .body(not(containsString("Olympus")));
        assertThat(Organizations.queryString("SELECT count(*) FROM directory.organization WHERE name = ?", name))
                .isEqualTo("0");
    }

    @Test
    void abbreviationsAndOffsetsAreNotTimeZones() {
        post(Organizations.body(Organizations.uniqueName("EST"),
                Organizations.service(null, "[\"LEGAL\"]", "EST", "09:00", "17:00", NEVADA),
                Organizations.service(null, "[\"LEGAL\"]", "-05:00", "09:00", "17:00", NEVADA)))
                .body("violations.field", contains("services[0].hours.timeZone", "services[1].hours.timeZone"));
    }

    @Test
    void timesMustBeHoursAndMinutes() {
        post(Organizations.body(Organizations.uniqueName("Bad times"),
                Organizations.service(null, "[\"LEGAL\"]", "America/Chicago", "9:00", "24:00", NEVADA)))
                .body("violations.field", contains("services[0].hours.weekly[0].closes",
                        "services[0].hours.weekly[0].opens"))
                .body("violations[0].message", containsString("HH:mm"));
    }

    @Test
    void missingNameIsNamed() {
        post("""
                {"description": "no name", "services": []}""")
                .body("violations.field", contains("name"));
    }

    @Test
    void unknownNeedIsNamedWithoutEchoingIt() {
        post(Organizations.body(Organizations.uniqueName("Bad need"),
                Organizations.service(null, "[\"TELEPATHY-CANARY\"]", "America/Chicago", "09:00", "17:00", NEVADA)))
                .body("violations[0].field", equalTo("services[0].needs[0]"))
                .body("violations[0].message", startsWith("must be one of [EMERGENCY_SHELTER"))
                .body(not(containsString("CANARY")));
    }

    @Test
    void aMissingNameAnUnknownAudienceAndAWrongTypeAreNamedTogether() {
        post("""
                {"lawEnforcement": "CANARY-perhaps", "audiences": ["CANARY-ALIENS"], "services": []}""")
                .body("violations.field", contains("audiences[0]", "lawEnforcement", "name"))
                .body(not(containsString("CANARY")));
    }

    @Test
    void unknownDayIsNamed() {
        post(Organizations.body(Organizations.uniqueName("Bad day"), """
                {"name": "Help", "needs": ["LEGAL"],
                 "hours": {"timeZone": "America/Chicago", "open24h": false,
                           "weekly": [{"days": ["MONDAY"], "opens": "09:00", "closes": "17:00"}]},
                 "area": {"national": true}}"""))
                .body("violations[0].field", equalTo("services[0].hours.weekly[0].days[0]"))
                .body("violations[0].message", startsWith("must be one of [MON, TUE"));
    }

    @Test
    void serviceNeedsNeedsHoursAndAnAreaWithValidCodes() {
        post(Organizations.body(Organizations.uniqueName("Bad service"), """
                {"name": "Help", "needs": [], "phone": "call us",
                 "hours": {"timeZone": "America/Chicago", "open24h": true,
                           "weekly": [{"days": [], "opens": "09:00", "closes": "17:00"}]},
                 "area": {"national": false, "states": ["Nevada"], "counties": ["Washoe"],
                          "postalCodes": ["8950"]}}""", """
                {"name": " ", "needs": ["LEGAL"]}"""))
                .body("violations.field", containsInAnyOrder(
                        "services[0].needs",
                        "services[0].phone",
                        "services[0].hours.weekly[0].days",
                        "services[0].area.states[0]",
                        "services[0].area.counties[0]",
                        "services[0].area.postalCodes[0]",
                        "services[1].name",
                        "services[1].hours",
                        "services[1].area"));
    }

    @Test
    void serviceMustCoverSomePlace() {
        post(Organizations.body(Organizations.uniqueName("Nowhere"),
                Organizations.service(null, "[\"LEGAL\"]", "America/Chicago", "09:00", "17:00",
                        "{\"national\": false}")))
                .body("violations.field", contains("services[0].area"));
    }

    @Test
    void serviceIdsAreUniqueAcrossTheDirectory() {
        String nhtrcService = "5eed0001-0000-4000-8000-018883737888";
        post(Organizations.body(Organizations.uniqueName("Borrowed id"),
                Organizations.service(nhtrcService, "[\"LEGAL\"]", "America/Chicago", "09:00", "17:00", NEVADA)))
                .body("violations.field", contains("services[0].id"));
        String id = "6f1c7d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
        post(Organizations.body(Organizations.uniqueName("Twice"),
                Organizations.service(id, "[\"LEGAL\"]", "America/Chicago", "09:00", "17:00", NEVADA),
                Organizations.service(id, "[\"MEDICAL\"]", "America/Chicago", "09:00", "17:00", NEVADA)))
                .body("violations.field", contains("services[1].id"));
    }

    @Test
    void badLanguageAndMalformedJsonAreProblems() {
        post("""
                {"name": "Languages", "languages": ["English"]}""")
                .body("violations.field", contains("languages[0]"));
        Callers.admin().contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/api/v1/organizations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"));
    }

    private static ValidatableResponse post(String body) {
        return Callers.admin().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/organizations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", equalTo("https://hotline.example/problems/validation"));
    }
}
