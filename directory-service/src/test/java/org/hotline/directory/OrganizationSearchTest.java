package org.hotline.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hotline.testsupport.HotlineInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * Search by need, place, audience and text, and its ranking. Each test names its organisations with a fresh token and
 * searches with {@code q=<token>} as well, so organisations of other tests never get in the way.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class OrganizationSearchTest {

    private static final String WEEKDAYS = Organizations.weekdays("America/Los_Angeles", "09:00", "17:00");
    private static final String NATIONAL = "{\"national\": true}";

    @Test
    void needAndPlaceMatchOneServiceAndRankLocalOverStateOverNational() {
        String t = token();
        String local = create(t, "Local", "2026-01-01", "[\"SHELTER\"]",
                "{\"counties\": [\"NV:Washoe\"], \"postalCodes\": [\"89501\"]}");
        String state = create(t, "State", "2026-10-01", "[\"SHELTER\"]", "{\"states\": [\"NV\"]}");
        String national = create(t, "National", "2026-11-01", "[\"SHELTER\"]", NATIONAL);
        String oregon = create(t, "Oregon", "2026-11-01", "[\"SHELTER\"]", "{\"states\": [\"OR\"]}");
        String split = Organizations.create(Organizations.organization(t + " Split", "[]", "2026-11-02",
                Organizations.service("[\"LEGAL\"]", WEEKDAYS, "{\"states\": [\"NV\"]}"),
                Organizations.service("[\"SHELTER\"]", WEEKDAYS, "{\"states\": [\"OR\"]}")));

        assertThat(ids(t, "need=SHELTER&state=NV"))
                .as("local (a county of NV), state, national; Split's NV service is not a shelter")
                .containsExactly(local, state, national);
        assertThat(ids(t, "state=NV")).containsExactly(local, split, state, national);
        assertThat(ids(t, "county=NV:Washoe")).containsExactly(local, split, state, national);
        assertThat(ids(t, "county=NV:Clark")).as("the Washoe service does not cover Clark")
                .containsExactly(split, state, national);
        assertThat(ids(t, "postalCode=89501")).as("a ZIP code alone does not say which state it is in")
                .containsExactly(local, national);
        assertThat(ids(t, "postalCode=89501&state=NV")).containsExactly(local, split, state, national);
        assertThat(ids(t, "state=NV&county=NV:Washoe&postalCode=89501&need=SHELTER"))
                .containsExactly(local, state, national);
        assertThat(ids(t, "state=OR")).containsExactly(split, oregon, national);
        assertThat(ids(t, "need=SHELTER&state=OR")).containsExactly(split, oregon, national);
        assertThat(ids(t, "need=LEGAL")).containsExactly(split);
        assertThat(ids(t, "need=MEDICAL")).isEmpty();
    }

    @Test
    void withoutAPlaceTheMostLocalServiceRanksFirstThenTheMostRecentlyVerified() {
        String t = token();
        String nationalNew = create(t, "National new", "2026-11-20", "[\"LEGAL\"]", NATIONAL);
        String stateOld = create(t, "State old", "2025-01-01", "[\"LEGAL\"]", "{\"states\": [\"TX\"]}");
        String stateNew = create(t, "State new", "2026-06-01", "[\"LEGAL\"]", "{\"states\": [\"TX\"]}");
        String stateUnverified = create(t, "State unverified", null, "[\"LEGAL\"]", "{\"states\": [\"TX\"]}");
        String localOld = create(t, "Local old", "2024-03-01", "[\"LEGAL\"]", "{\"postalCodes\": [\"73301\"]}");
        List<String> expected = List.of(localOld, stateNew, stateOld, stateUnverified, nationalNew);

        assertThat(ids(t, "")).containsExactlyElementsOf(expected);
        assertThat(ids(t, "need=LEGAL")).containsExactlyElementsOf(expected);
        assertThat(ids(t, "state=TX"))
                .as("the ZIP-only service is not known to be in TX").containsExactly(stateNew, stateOld,
                        stateUnverified, nationalNew);
        assertThat(ids(t, "state=TX&postalCode=73301")).containsExactlyElementsOf(expected);
    }

    @Test
    void audienceKeepsOrganisationsThatAdmitIt() {
        String t = token();
        String everyone = Organizations.create(Organizations.organization(t + " Everyone", "[]", "2026-11-01",
                Organizations.service("[\"SHELTER\"]", WEEKDAYS, NATIONAL)));
        String youth = Organizations.create(Organizations.organization(t + " Youth", "[\"YOUTH\"]", "2026-10-01",
                Organizations.service("[\"SHELTER\"]", WEEKDAYS, NATIONAL)));
        String police = Organizations.create(Organizations.organization(t + " Police", "[\"LAW_ENFORCEMENT_ONLY\"]",
                "2026-09-01", Organizations.service("[\"LAW_ENFORCEMENT\"]", WEEKDAYS, NATIONAL)));

        assertThat(ids(t, "")).containsExactly(everyone, youth, police);
        assertThat(ids(t, "audience=YOUTH")).containsExactly(everyone, youth);
        assertThat(ids(t, "audience=LAW_ENFORCEMENT_ONLY")).containsExactly(everyone, police);
        assertThat(ids(t, "audience=YOUTH&need=SHELTER")).containsExactly(everyone, youth);
        assertThat(ids(t, "audience=LAW_ENFORCEMENT_ONLY&need=SHELTER")).containsExactly(everyone);
    }

    @Test
    void fullTextSearchStemsWordsAndRanksNameMatchesFirstWithinALevel() {
        String t = token();
        String inName = Organizations.create(Organizations.organization(t + " Survivors Shelter Network", "[]",
                "2025-01-01", Organizations.service("[\"SHELTER\"]", WEEKDAYS, NATIONAL)));
        String inServiceName = Organizations.create("""
                {"name": "%s Harbor House", "description": "Counselling.", "lastVerifiedOn": "2026-11-01",
                 "services": [{"name": "Emergency shelters for survivors", "needs": ["SHELTER"],
                               "hours": %s, "area": {"national": true}}]}""".formatted(t, WEEKDAYS));
        String inDescription = Organizations.create("""
                {"name": "%s Open Door", "description": "We shelter survivors of labour trafficking.",
                 "lastVerifiedOn": "2026-11-10",
                 "services": [{"name": "Intake", "needs": ["SHELTER"], "hours": %s, "area": {"national": true}}]}"""
                .formatted(t, WEEKDAYS));
        String local = Organizations.create("""
                {"name": "%s Corner", "description": "A shelter for survivors in Reno.", "lastVerifiedOn": "2020-01-01",
                 "services": [{"name": "Beds", "needs": ["SHELTER"], "hours": %s,
                               "area": {"counties": ["NV:Washoe"]}}]}""".formatted(t, WEEKDAYS));

        assertThat(Callers.agent().get("/api/v1/organizations?size=100&q=" + t + " sheltering survivor")
                .then().statusCode(200).extract().<List<String>>path("items.id"))
                .as("stemmed words; local first, then name over service name over description")
                .containsExactly(local, inName, inServiceName, inDescription);
        assertThat(Callers.agent().get("/api/v1/organizations?size=100&q=" + t + " \"labour trafficking\"")
                .then().statusCode(200).extract().<List<String>>path("items.id")).containsExactly(inDescription);
        assertThat(Callers.agent().get("/api/v1/organizations?size=100&q=" + t + " -harbor")
                .then().statusCode(200).extract().<List<String>>path("items.id"))
                .as("only the token counts: equal relevance, so the most recently verified first")
                .containsExactly(local, inDescription, inName);
    }

    @Test
    void fullTextWithAServiceCriterionFollowsEveryChangeOfTheOrganisationsText() {
        String t = token();
        String before = token() + "before";
        String after = token() + "after";
        String nevada = "{\"states\": [\"NV\"]}";
        String id = Organizations.create(Organizations.organization(t + " " + before, "[]", "2026-11-01",
                Organizations.service(null, "[\"SHELTER\"]", "America/Los_Angeles", "09:00", "17:00", nevada)));
        String serviceId = Callers.agent().get("/api/v1/organizations/" + id).then().statusCode(200)
                .extract().path("services[0].id");
        String shelter = Organizations.service(serviceId, "[\"SHELTER\"]", "America/Los_Angeles", "09:00", "17:00",
                nevada);
        assertThat(matching(t + " " + before, "need=SHELTER&state=NV")).containsExactly(id);

        // Renamed, its service kept as it was (same id, same row): the service's copy of the text follows.
        Callers.admin().contentType(io.restassured.http.ContentType.JSON)
                .body(Organizations.organization(t + " " + after, "[]", "2026-11-01", shelter))
                .put("/api/v1/organizations/" + id).then().statusCode(200);
        assertThat(matching(t + " " + before, "need=SHELTER&state=NV")).isEmpty();
        assertThat(matching(t + " " + after, "need=SHELTER&state=NV")).containsExactly(id);
        assertThat(matching(t + " " + after, "need=SHELTER")).as("and without a place").containsExactly(id);

        // A new service gets the organisation's current text, and a word only in its name is found through it.
        String serviceWord = token() + "service";
        Callers.admin().contentType(io.restassured.http.ContentType.JSON)
                .body(Organizations.organization(t + " " + after, "[]", "2026-11-01", shelter,
                        """
                        {"name": "%s line", "needs": ["LEGAL"], "hours": %s, "area": {"states": ["UT"]}}"""
                                .formatted(serviceWord, WEEKDAYS)))
                .put("/api/v1/organizations/" + id).then().statusCode(200);
        assertThat(matching(t + " " + after, "need=LEGAL&state=UT")).containsExactly(id);
        assertThat(matching(t + " " + serviceWord, "need=SHELTER&state=NV")).containsExactly(id);
        assertThat(matching(t + " " + after, "need=LEGAL&state=NV")).isEmpty();
    }

    @Test
    void pagesKeepTheRankingAndCountEveryMatch() {
        String t = token();
        for (int i = 0; i < 5; i++) {
            create(t, "Member " + i, "2026-11-0" + (i + 1), "[\"MEDICAL\"]", "{\"states\": [\"UT\"]}");
        }
        List<String> all = ids(t, "need=MEDICAL&state=UT");
        assertThat(all).hasSize(5);
        Callers.agent().get("/api/v1/organizations?q=" + t + "&need=MEDICAL&state=UT&size=2&page=1")
                .then().statusCode(200)
                .body("items.id", contains(all.get(2), all.get(3)))
                .body("page", equalTo(1)).body("size", equalTo(2))
                .body("totalItems", equalTo(5)).body("totalPages", equalTo(3));
        Callers.agent().get("/api/v1/organizations?q=" + t + "&need=MEDICAL&state=UT&size=2&page=7")
                .then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.empty())
                .body("totalItems", equalTo(5));
    }

    @Test
    void badParametersAreNamedWithoutEchoingThem() {
        Callers.agent().when().get("/api/v1/organizations?county=Washoe&postalCode=8950&openAt=tomorrow-CANARY"
                        + "&audience=ADULTS-CANARY&need=TELEPATHY&state=nv&size=0&page=x")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hotline.example/problems/validation"))
                .body("violations.field", contains("audience", "county", "need", "openAt", "page", "postalCode",
                        "size", "state"))
                .body(not(containsString("CANARY")));
        Callers.agent().when().get("/api/v1/organizations?state=CA&county=NV:Washoe")
                .then().statusCode(400)
                .body("violations.field", contains("county"))
                .body("violations[0].message", containsString("given state"));
        Callers.agent().when().get("/api/v1/organizations?openAt=2026-11-24T10:00:00")
                .then().statusCode(400)
                .body("violations.field", contains("openAt"))
                .body("violations[0].message", containsString("offset"));
        Callers.agent().when().get("/api/v1/organizations?q=" + "x".repeat(201))
                .then().statusCode(400).body("violations.field", contains("q"));
        Callers.agent().queryParam("q", "  ").when().get("/api/v1/organizations")
                .then().statusCode(400).body("violations.field", contains("q"));
    }

    private static String create(String token, String name, String lastVerifiedOn, String needs, String area) {
        return Organizations.create(Organizations.organization(token + " " + name, "[]", lastVerifiedOn,
                Organizations.service(needs, WEEKDAYS, area)));
    }

    /** The ids found with {@code q} and the other parameters, in rank order. */
    private static List<String> matching(String q, String query) {
        return Callers.agent().queryParam("q", q).when().get("/api/v1/organizations?size=100&" + query)
                .then().statusCode(200)
                .extract().path("items.id");
    }

    /** The ids found with {@code q=<token>} and the other parameters, in rank order. */
    static List<String> ids(String token, String query) {
        return Callers.agent().when()
                .get("/api/v1/organizations?size=100&q=" + token + (query.isEmpty() ? "" : "&" + query))
                .then().statusCode(200)
                .extract().path("items.id");
    }

    /** A word no other organisation has: letters only, so full-text search keeps it whole. */
    static String token() {
        return "zq" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }
}
