package org.hotline.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.awaitility.Awaitility;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.platform.rest.PageParameters;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class OrganizationApiTest {

    @Test
    void organisationRoundTripsThroughCreateReadReplaceAndDelete() throws Exception {
        String name = Organizations.uniqueName("Round trip");
        ExtractableResponse<Response> created = Callers.admin().contentType(ContentType.JSON)
                .body(Organizations.body(name))
                .when().post("/api/v1/organizations")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("name", equalTo(name))
                .body("version", equalTo(0))
                .body("updatedAt", notNullValue())
                .body("services[0].id", notNullValue())
                .extract();
        String id = created.path("id");
        String serviceId = created.path("services[0].id");
        assertThat(created.header("Location")).endsWith("/api/v1/organizations/" + id);

        Callers.agent().when().get(created.header("Location"))
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo(id))
                .body("name", equalTo(name))
                .body("description", containsString("test organisation"))
                .body("lawEnforcement", equalTo(false))
                .body("emergencyDispatch", equalTo(false))
                .body("audiences", contains("YOUTH"))
                .body("languages", contains("en", "es"))
                .body("lastVerifiedOn", equalTo("2026-10-15"))
                .body("services", hasSize(1))
                .body("services[0].id", equalTo(serviceId))
                .body("services[0].name", equalTo("Walk-in help"))
                .body("services[0].needs", contains("SHELTER", "LEGAL"))
                .body("services[0].phone", equalTo("1-775-555-0100"))
                .body("services[0].hours.timeZone", equalTo("America/Los_Angeles"))
                .body("services[0].hours.open24h", equalTo(false))
                .body("services[0].hours.weekly[0].days", contains("MON", "TUE", "WED", "THU", "FRI"))
                .body("services[0].hours.weekly[0].opens", equalTo("09:00"))
                .body("services[0].hours.weekly[0].closes", equalTo("17:00"))
                .body("services[0].hours.closedDates", contains("2026-11-26", "2026-12-25"))
                .body("services[0].area.national", equalTo(false))
                .body("services[0].area.states", contains("NV"))
                .body("services[0].area.counties", contains("NV:Washoe"))
                .body("services[0].area.postalCodes", contains("89501"))
                .body("version", equalTo(0));
        assertThat(Organizations.queryString("SELECT string_agg(closed_on::text, ',' ORDER BY closed_on)"
                + " FROM directory.service_closed_date WHERE service_id = ?::uuid", serviceId))
                .as("closed dates are rows of the service").isEqualTo("2026-11-26,2026-12-25");
        assertThat(Organizations.queryString("SELECT time_zone || ' ' || array_to_string(days, ',') || ' '"
                + " || opens_at || '-' || closes_at FROM directory.schedule WHERE service_id = ?::uuid", serviceId))
                .as("each weekly span is a schedule row with its IANA zone")
                .isEqualTo("America/Los_Angeles MON,TUE,WED,THU,FRI 09:00:00-17:00:00");
        assertThat(Organizations.queryString("SELECT string_agg(kind || '=' || code, ',' ORDER BY position)"
                + " FROM directory.service_area WHERE service_id = ?::uuid", serviceId))
                .isEqualTo("STATE=NV,COUNTY=NV:Washoe,POSTAL_CODE=89501");

        String renamed = Organizations.uniqueName("Renamed");
        String keptService = Organizations.service(serviceId, "[\"LEGAL\"]", "America/Los_Angeles", "08:30",
                "16:30", "{\"national\": false, \"states\": [\"NV\"]}");
        String addedService = Organizations.service(null, "[\"MEDICAL\"]", "America/Los_Angeles", "22:00",
                "06:00", "{\"national\": false, \"postalCodes\": [\"89502\"]}");
        Callers.admin().contentType(ContentType.JSON).body(Organizations.body(renamed, keptService, addedService))
                .when().put("/api/v1/organizations/" + id)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("id", equalTo(id))
                .body("name", equalTo(renamed))
                .body("version", equalTo(1))
                .body("services", hasSize(2))
                .body("services[0].id", equalTo(serviceId))
                .body("services[0].hours.weekly[0].opens", equalTo("08:30"))
                .body("services[1].id", not(equalTo(serviceId)))
                .body("services[1].needs", contains("MEDICAL"));

        Callers.agent().when().get("/api/v1/organizations/" + id)
                .then().statusCode(200)
                .body("name", equalTo(renamed))
                .body("version", equalTo(1))
                .body("services[1].hours.weekly[0].closes", equalTo("06:00"));

        Callers.admin().when().delete("/api/v1/organizations/" + id).then().statusCode(204);
        Callers.agent().when().get("/api/v1/organizations/" + id)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unknownOrganisationsAreNotFoundProblems() {
        String unknown = UUID.randomUUID().toString();
        Callers.agent().when().get("/api/v1/organizations/" + unknown)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("https://hotline.example/problems/not-found"));
        Callers.admin().contentType(ContentType.JSON).body(Organizations.body(Organizations.uniqueName("Nobody")))
                .when().put("/api/v1/organizations/" + unknown)
                .then().statusCode(404).contentType("application/problem+json");
        Callers.admin().when().delete("/api/v1/organizations/" + unknown)
                .then().statusCode(404).contentType("application/problem+json");
        Callers.agent().when().get("/api/v1/organizations/not-a-uuid")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", not(containsString("not-a-uuid")));
    }

    @Test
    void replaceWithAStaleIfMatchIsRefusedAndChangesNothing() {
        String name = Organizations.uniqueName("Concurrent");
        String id = Organizations.create(Organizations.body(name));

        Callers.admin().contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body(Organizations.body(Organizations.uniqueName("Lost update")))
                .when().put("/api/v1/organizations/" + id)
                .then().statusCode(412)
                .contentType("application/problem+json")
                .body("status", equalTo(412));
        Callers.agent().when().get("/api/v1/organizations/" + id)
                .then().statusCode(200).body("name", equalTo(name)).body("version", equalTo(0));

        Callers.admin().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Organizations.body(name + " (verified)"))
                .when().put("/api/v1/organizations/" + id)
                .then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void replaceThatLosesARaceIsAConflictAndChangesNothing() throws Exception {
        String name = Organizations.uniqueName("Raced");
        String id = Organizations.create(Organizations.body(name));
        try (Connection other = EmbeddedPostgresServer.shared().adminDataSource().getConnection()) {
            // Another writer has changed the row but not committed yet: the PUT reads version 0, then waits on the lock.
            other.setAutoCommit(false);
            try (PreparedStatement bump = other.prepareStatement(
                    "UPDATE directory.organization SET version = version + 1 WHERE id = ?::uuid")) {
                bump.setString(1, id);
                assertThat(bump.executeUpdate()).isOne();
            }
            CompletableFuture<Response> put = CompletableFuture.supplyAsync(() -> Callers.admin()
                    .contentType(ContentType.JSON).body(Organizations.body(Organizations.uniqueName("Loser")))
                    .when().put("/api/v1/organizations/" + id));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(OrganizationApiTest::someoneWaitsForALock);
            other.commit();

            put.get(30, TimeUnit.SECONDS).then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://hotline.example/problems/conflict"));
        }
        Callers.agent().when().get("/api/v1/organizations/" + id)
                .then().statusCode(200).body("name", equalTo(name)).body("version", equalTo(1));
    }

    @Test
    void listingFiltersByNeedAndStateOnTheSameService() {
        String token = UUID.randomUUID().toString();
        String inClark = Organizations.uniqueName("Clark labour " + token);
        String inOregon = Organizations.uniqueName("Oregon labour " + token);
        Organizations.create(Organizations.body(inClark, Organizations.service(null, "[\"LABOR_RIGHTS\"]",
                "America/Los_Angeles", "09:00", "17:00", "{\"national\": false, \"counties\": [\"NV:Clark\"]}")));
        Organizations.create(Organizations.body(inOregon,
                Organizations.service(null, "[\"LABOR_RIGHTS\"]", "America/Los_Angeles", "09:00", "17:00",
                        "{\"national\": false, \"states\": [\"OR\"]}"),
                Organizations.service(null, "[\"MEDICAL\"]", "America/Los_Angeles", "09:00", "17:00",
                        "{\"national\": false, \"states\": [\"NV\"]}")));

        assertThat(names("need=LABOR_RIGHTS&state=NV"))
                .contains(inClark, "National Human Trafficking Resource Center (NHTRC)")
                .as("Oregon's labour service is not in NV, its NV service is not about labour").doesNotContain(inOregon);
        assertThat(names("state=OR")).contains(inOregon).doesNotContain(inClark);
        assertThat(names("need=MEDICAL&state=NV")).contains(inOregon).doesNotContain(inClark);
        assertThat(names("need=SEXUAL_ASSAULT&state=NV"))
                .contains("Rape, Abuse & Incest National Network (RAINN)").doesNotContain(inClark, inOregon);
    }

    @Test
    void listingIsPagedWithDefaults() {
        Organizations.create(Organizations.body(Organizations.uniqueName("Paged")));
        Callers.agent().when().get("/api/v1/organizations")
                .then().statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(PageParameters.DEFAULT_SIZE));
        int total = Callers.agent().when().get("/api/v1/organizations?size=2&page=0")
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("size", equalTo(2))
                .extract().path("totalItems");
        assertThat(total).isGreaterThanOrEqualTo(10);
        List<String> first = Callers.agent().get("/api/v1/organizations?size=2&page=0")
                .then().extract().path("items.id");
        List<String> second = Callers.agent().get("/api/v1/organizations?size=2&page=1")
                .then().extract().path("items.id");
        assertThat(second).hasSize(2).doesNotContainAnyElementsOf(first);
        Callers.agent().when().get("/api/v1/organizations?size=100&page=" + (total / 100 + 1))
                .then().statusCode(200).body("items", hasSize(0)).body("totalItems", equalTo(total));
    }

    @Test
    void organisationsVerifiedTooLongAgoOrNeverAreDueNeverFirstThenTheOldest() {
        // The hotline's date (America/New_York), as the catalogue counts it; max-age is the default, 180 days.
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("America/New_York"));
        String service = Organizations.service("[\"LEGAL\"]", Organizations.weekdays("America/Chicago", "09:00",
                "17:00"), "{\"national\": true}");
        String never = Organizations.create(Organizations.organization(Organizations.uniqueName("Never verified"),
                "[]", null, service));
        String old = Organizations.create(Organizations.organization(Organizations.uniqueName("Verified long ago"),
                "[]", today.minusDays(181).toString(), service));
        String lastDay = Organizations.create(Organizations.organization(Organizations.uniqueName("Verified 180 days"),
                "[]", today.minusDays(180).toString(), service));
        String recent = Organizations.create(Organizations.organization(Organizations.uniqueName("Verified lately"),
                "[]", today.minusDays(10).toString(), service));

        List<String> due = new java.util.ArrayList<>();
        List<String> verifiedOn = new java.util.ArrayList<>();
        int totalPages = 1;
        for (int page = 0; page < totalPages; page++) {
            ExtractableResponse<Response> answer = Callers.supervisor()
                    .get("/api/v1/organizations/verification-due?size=100&page=" + page)
                    .then().statusCode(200).extract();
            totalPages = answer.path("totalPages");
            due.addAll(answer.path("items.id"));
            verifiedOn.addAll(answer.path("items.lastVerifiedOn"));
        }
        assertThat(due).contains(never, old).doesNotContain(lastDay, recent);
        assertThat(due.indexOf(never)).isLessThan(due.indexOf(old));
        // Never verified first, then oldest first.
        List<String> dated = verifiedOn.stream().filter(java.util.Objects::nonNull).toList();
        assertThat(verifiedOn.subList(0, verifiedOn.size() - dated.size())).containsOnlyNulls();
        assertThat(dated).isSorted();
        assertThat(dated).allMatch(d -> java.time.LocalDate.parse(d).isBefore(today.minusDays(180)));
    }

    @Test
    void badListingParametersAreNamed() {
        Callers.agent().when().get("/api/v1/organizations?need=TELEPATHY&state=nv&size=201&page=-1")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("need", "page", "size", "state"))
                .body(not(containsString("TELEPATHY")));
        Callers.agent().when().get("/api/v1/organizations?size=ten")
                .then().statusCode(400).body("violations.field", contains("size"));
        Callers.agent().when().get("/api/v1/organizations?county=Washoe")
                .then().statusCode(400).body("violations[0].field", equalTo("county"));
    }

    private static boolean someoneWaitsForALock() throws Exception {
        return Long.parseLong(Organizations.queryString("SELECT count(*) FROM pg_locks WHERE NOT granted")) > 0;
    }

    private static List<String> names(String query) {
        return Callers.agent().when().get("/api/v1/organizations?size=100&" + query)
                .then().statusCode(200)
                .extract().path("items.name");
    }
}
