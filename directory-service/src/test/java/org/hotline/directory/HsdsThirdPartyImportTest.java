package org.hotline.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.hotline.contracts.EventCodec;
import org.hotline.contracts.EventType;
import org.hotline.contracts.Topics;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.directory.hsds.ImportIds;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;

/**
 * A third-party HSDS 3.0 dataset, written to look like a 211's export (AIRS taxonomy codes, no time zones, RRULE-style
 * schedules, services with their organisation nested; and a CSV datapackage variant): a dry run reports each record,
 * applying imports it and publishes each organisation once, importing it again changes nothing.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class HsdsThirdPartyImportTest {

    static final String SHELTER_NETWORK = "2f1e0a10-0000-4000-8000-00000000000a";
    static final String YOUTH_LINE = "2f1e0a10-0000-4000-8000-00000000000b";
    static final String CASE_MANAGEMENT = "2f1e0a10-0000-4000-8000-00000000000c";
    static final String SOURCE = "https://211.example.org/hsds";
    private static final List<String> IDS = List.of(SHELTER_NETWORK, YOUTH_LINE, CASE_MANAGEMENT);

    private static final EventCodec CODEC = new EventCodec();

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void theSampleIsConformantHsds() {
        HsdsSchemas.assertValidPage(HsdsSchemas.SERVICE, HsdsSchemas.parse(resource("211-services.json")));
    }

    @Test
    void aDryRunReportsEachRecordThenTheImportAppliesThenImportingAgainChangesNothing() {
        JsonPath report = importJson(resource("211-services.json"), "dryRun=true&source=" + SOURCE, 200);
        assertThat(report.getBoolean("dryRun")).isTrue();
        assertThat(report.getInt("organizations")).isEqualTo(3);
        assertThat(report.getInt("services")).isEqualTo(5);
        assertThat(report.getInt("created")).isEqualTo(3);
        assertThat(report.getInt("refused")).isZero();
        Map<String, Object> network = record(report, SHELTER_NETWORK);
        assertThat(network).containsEntry("action", "CREATE").containsEntry("record", "services[0].organization")
                .containsEntry("services", 2);
        assertThat(messages(network, "notes")).contains(
                "taxonomy term 'BD-1800.2000' has no need mapping",
                "is MONTHLY: only weekly hours are kept",
                "time zone America/Chicago from the location's state and ZIP code",
                "time zone America/Denver from the location's state and ZIP code");
        assertThat(messages(record(report, CASE_MANAGEMENT), "notes")).contains(
                "has status inactive: not imported", "has passed: the schedule is not kept",
                "has a number that is not dialable digits (letters or an extension): not kept");
        assertThat(messages(record(report, YOUTH_LINE), "notes")).anyMatch(m -> m.startsWith("admits young people only"));
        Callers.agent().get("/api/v1/organizations/" + SHELTER_NETWORK).then().statusCode(404);

        JsonPath applied = importJson(resource("211-services.json"), "source=" + SOURCE, 200);
        assertThat(applied.getInt("created")).isEqualTo(3);
        assertThat(applied.getList("records")).isEmpty();

        JsonPath shelter = organization(SHELTER_NETWORK);
        assertThat(shelter.getInt("version")).isZero();
        assertThat(shelter.getList("languages")).containsExactly("es");
        assertThat(shelter.getString("lastVerifiedOn")).isEqualTo("2026-09-30");
        assertThat(shelter.getList("services[0].needs")).containsExactly("EMERGENCY_SHELTER");
        assertThat(shelter.getString("services[0].phone")).isEqualTo("512-555-0140");
        assertThat(shelter.getString("services[0].hours.timeZone")).isEqualTo("America/Chicago");
        assertThat(shelter.getList("services[0].hours.weekly[0].days")).containsExactly("MON", "TUE", "WED", "THU",
                "FRI");
        assertThat(shelter.getString("services[0].hours.weekly[0].opens")).isEqualTo("08:00");
        assertThat(shelter.getList("services[0].area.counties")).containsExactly("TX:Travis");
        assertThat(shelter.getMap("services[0].locations[0]")).containsEntry("name", "Austin shelter")
                .containsEntry("address", "100 Main Street").containsEntry("city", "Austin")
                .containsEntry("state", "TX").containsEntry("postalCode", "78701")
                .containsEntry("confidential", false);
        assertThat(shelter.getDouble("services[0].locations[0].latitude")).isEqualTo(30.2672);
        assertThat(shelter.getDouble("services[0].locations[0].longitude")).isEqualTo(-97.7431);
        // The imported location is HSDS's service_at_location too, found by its postcode.
        Callers.agent().get("/hsds/service_at_locations?postcode=78701").then().statusCode(200)
                .body("contents.service_id", hasItem("2f1e0b10-0000-4000-8000-000000000001"));
        assertThat(shelter.getList("services[1].needs")).containsExactly("LEGAL", "IMMIGRATION");
        assertThat(shelter.getString("services[1].hours.timeZone")).as("El Paso keeps Mountain time")
                .isEqualTo("America/Denver");
        assertThat(shelter.getList("services[1].hours.weekly")).hasSize(1);
        assertThat(shelter.getList("services[1].area.states")).containsExactly("TX");
        JsonPath youth = organization(YOUTH_LINE);
        assertThat(youth.getList("audiences")).containsExactly("YOUTH");
        assertThat(youth.getString("services[0].hours.timeZone")).as("Pensacola is on Central time")
                .isEqualTo("America/Chicago");
        assertThat(youth.getString("services[0].hours.weekly[0].closes")).isEqualTo("00:00");
        assertThat(youth.getList("services[0].needs")).containsExactly("MENTAL_HEALTH");
        JsonPath caseManagement = organization(CASE_MANAGEMENT);
        assertThat(caseManagement.getList("services")).hasSize(1);
        assertThat(caseManagement.getString("services[0].phone")).isNull();
        assertThat(caseManagement.getList("services[0].hours.weekly[0].days")).containsExactly("MON", "WED");
        assertThat(caseManagement.getList("services[0].area.postalCodes")).containsExactly("97201");

        // Searchable and open at its hours like any organisation: a Wednesday at 12:00 in Austin.
        Callers.agent().get("/api/v1/organizations?need=EMERGENCY_SHELTER&county=TX:Travis&state=TX"
                + "&openAt=2026-11-04T12:00:00-06:00").then().statusCode(200)
                .body("items.id", hasItem(SHELTER_NETWORK));

        for (String id : IDS) {
            assertThat(kafka.await(Topics.DIRECTORY_ORGANIZATIONS, r -> id.equals(r.key()), 1, Duration.ofSeconds(30)))
                    .as("the import's event of " + id).hasSize(1);
        }
        // What routing reads of the imported shelter network: its services' needs, IANA zones and weekly hours, as
        // the event routing-service's ImportedServiceRoutingTest decides on (211-shelter-network.event.json).
        OrganizationUpserted published = CODEC.decode(EventType.ORGANIZATION_UPSERTED, kafka.await(
                Topics.DIRECTORY_ORGANIZATIONS, r -> SHELTER_NETWORK.equals(r.key()), 1, Duration.ofSeconds(30))
                .get(0).value(), OrganizationUpserted.class);
        OrganizationUpserted expected = CODEC.decode(EventType.ORGANIZATION_UPSERTED,
                resource("211-shelter-network.event.json"), OrganizationUpserted.class);
        assertThat(published).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(expected);

        JsonPath again = importJson(resource("211-services.json"), "dryRun=true&source=" + SOURCE, 200);
        assertThat(again.getList("records.action")).containsOnly("SKIP");
        JsonPath reimported = importJson(resource("211-services.json"), "source=" + SOURCE, 200);
        assertThat(reimported.getInt("unchanged")).isEqualTo(3);
        assertThat(reimported.getInt("created") + reimported.getInt("replaced")).isZero();
        for (String id : IDS) {
            assertThat(organization(id).getInt("version")).isZero();
        }
        // A change after the re-import: once its event is on the topic, any event of the re-import would be too.
        String marker = Organizations.create(Organizations.body(OrganizationSearchTest.token() + " Marker"));
        assertThat(kafka.await(Topics.DIRECTORY_ORGANIZATIONS, r -> marker.equals(r.key()), 1,
                Duration.ofSeconds(30))).hasSize(1);
        for (String id : IDS) {
            assertThat(kafka.readAll(Topics.DIRECTORY_ORGANIZATIONS, r -> id.equals(r.key())))
                    .as("no second event for " + id).hasSize(1);
        }
    }

    @Test
    void aCsvDatapackageImportsWithItsHomepageAsSourceAndAgainAsANoOp() {
        byte[] zip = zip(Path.of("src/test/resources/hsds/third-party/datapackage"));
        JsonPath report = importZip(zip, "dryRun=true", 200);
        assertThat(report.getString("source")).isEqualTo("https://coast211.example.org/hsds");
        assertThat(report.getList("records.action")).containsExactly("CREATE", "CREATE");
        UUID harbor = ImportIds.of("https://coast211.example.org/hsds", "organization", "org-1");
        UUID rides = ImportIds.of("https://coast211.example.org/hsds", "organization", "org-2");
        assertThat(report.getList("records.id")).containsExactly(harbor.toString(), rides.toString());
        assertThat(report.getList("records[1].notes.message", String.class)).contains(
                "taxonomy term 'XY-9999' has no need mapping", "repeats less often than every week: not kept",
                "is not a nation, state, 'X County, ST' or ZIP code the directory can read: not mapped");

        assertThat(importZip(zip, "", 200).getInt("created")).isEqualTo(2);
        JsonPath harborView = organization(harbor.toString());
        assertThat(harborView.getString("services[0].hours.timeZone")).isEqualTo("America/Los_Angeles");
        assertThat(harborView.getList("services[0].needs")).containsExactly("EMERGENCY_SHELTER");
        assertThat(harborView.getList("services[0].area.counties")).containsExactly("CA:Santa Cruz");
        assertThat(harborView.getString("services[0].locations[0].address")).isEqualTo("1 Ocean Street");
        assertThat(harborView.getDouble("services[0].locations[0].latitude")).isEqualTo(36.97);
        assertThat(harborView.getList("services[1].needs")).containsExactly("MENTAL_HEALTH");
        assertThat(harborView.getList("services[1].area.counties")).containsExactly("CA:Monterey");
        JsonPath ridesView = organization(rides.toString());
        assertThat(ridesView.getString("services[0].hours.timeZone")).as("Knoxville is on Eastern time")
                .isEqualTo("America/New_York");
        assertThat(ridesView.getList("services[0].needs")).containsExactly("TRANSPORTATION");
        assertThat(ridesView.getList("services[0].area.counties")).containsExactly("TN:Knox");
        assertThat(ridesView.getList("services[0].hours.weekly")).hasSize(1);

        JsonPath again = importZip(zip, "", 200);
        assertThat(again.getInt("unchanged")).isEqualTo(2);
        assertThat(organization(harbor.toString()).getInt("version")).isZero();
    }

    @Test
    void aRecordThatCannotBeMappedRefusesTheImportNamingItsFields() {
        String dataset = """
                [{"id": "%s", "name": "Unplaceable Service", "status": "active",
                  "organization": {"id": "%s", "name": "Example Nowhere Org", "description": "No place given"},
                  "attributes": [{"id": "%s", "taxonomy_term": {"id": "%s", "code": "ZZ-0000", "name": "Secret",
                                  "description": "x", "taxonomy": "local"}}]}]"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        JsonPath report = importJson(dataset, "dryRun=true&source=https://nowhere.example.org", 200);
        assertThat(report.getList("records.action")).containsExactly("REFUSE");
        assertThat(report.getList("records[0].problems.message", String.class))
                .anyMatch(m -> m.startsWith("no time zone: state unknown"));
        Callers.admin().contentType(ContentType.JSON).body(dataset)
                .when().post("/api/v1/admin/hsds/import?source=https://nowhere.example.org")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("services[0].needs", "services[0].service_at_locations",
                        "services[0].service_areas", "services[0].hours.timeZone"))
                .body(not(containsString("ZZ-0000")));
        Callers.agent().get("/api/v1/organizations?q=Unplaceable").then().statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void aDatasetIsFetchedFromAnAdministratorsUrlButNeverFromAPrivateAddress() throws IOException {
        byte[] body = resource("211-services.json").getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/export.json", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://10.0.0.1/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/export.json";
            JsonPath report = Callers.admin().queryParam("dryRun", "true").queryParam("url", url + "?key=k")
                    .post("/api/v1/admin/hsds/import")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(report.getString("source")).as("the URL without its query").isEqualTo(url);
            assertThat(report.getInt("organizations")).isEqualTo(3);
            Callers.admin().queryParam("dryRun", "true")
                    .queryParam("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/moved")
                    .post("/api/v1/admin/hsds/import")
                    .then().statusCode(400).body("violations[0].field", equalTo("url"));
        } finally {
            server.stop(0);
        }
        for (String url : List.of("http://10.1.2.3/export.json", "http://169.254.169.254/latest/meta-data",
                "ftp://211.example.org/export.json", "http://[::ffff:192.168.1.1]/")) {
            Callers.admin().queryParam("dryRun", "true").queryParam("url", url).post("/api/v1/admin/hsds/import")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", equalTo(List.of("url")))
                    .body(not(containsString(url)));
        }
    }

    private static JsonPath importJson(String body, String query, int status) {
        return Callers.admin().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/admin/hsds/import?" + query)
                .then().statusCode(status).extract().jsonPath();
    }

    private static JsonPath importZip(byte[] zip, String query, int status) {
        return Callers.admin().contentType("application/zip").body(zip)
                .when().post("/api/v1/admin/hsds/import" + (query.isEmpty() ? "" : "?" + query))
                .then().statusCode(status).extract().jsonPath();
    }

    private static JsonPath organization(String id) {
        return Callers.agent().get("/api/v1/organizations/" + id).then().statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> record(JsonPath report, String id) {
        List<Map<String, Object>> records = report.getList("records");
        return records.stream().filter(r -> id.equals(r.get("id"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<String> messages(Map<String, Object> record, String kind) {
        return ((List<Map<String, String>>) record.get(kind)).stream().map(n -> n.get("message")).toList();
    }

    private static String resource(String name) {
        try (InputStream in = HsdsThirdPartyImportTest.class.getResourceAsStream("/hsds/third-party/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(Path folder) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry("example-coast-211/" + file.getFileName()));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

}
