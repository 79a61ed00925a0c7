package org.hotline.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.contracts.EventCodec;
import org.hotline.contracts.EventType;
import org.hotline.contracts.Topics;
import org.hotline.contracts.events.ResourceUpserted;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.ResourceAudience;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ResourceLibraryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();
    private final EventCodec codec = new EventCodec();

    @Test
    void anAdministratorCreatesReplacesRetiresAndDeletesAndEachChangeIsPublished() {
        String token = token();
        String id = LibraryResources.create(LibraryResources.body(token + " Indicators", "Signs of forced labour"));

        Callers.agent().get("/api/v1/resources/" + id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("title", equalTo(token + " Indicators"))
                .body("topics", org.hamcrest.Matchers.contains("MEDICAL", "INFORMATION", "LABOR"))
                .body("audiences", org.hamcrest.Matchers.contains("MEDICAL", "LEGAL"))
                .body("languages", org.hamcrest.Matchers.contains("en", "es"))
                .body("link", equalTo("https://example.org/fact-sheet.pdf"))
                .body("state", equalTo("PUBLISHED"));
        ResourceUpserted created = decode(await(id, 1).get(0));
        assertThat(created.needs()).containsExactlyInAnyOrder(Need.MEDICAL, Need.INFORMATION);
        assertThat(created.traffickingTypes()).containsExactly(TraffickingType.LABOR);
        assertThat(created.audiences()).containsExactlyInAnyOrder(ResourceAudience.MEDICAL, ResourceAudience.LEGAL);
        assertThat(created.link()).isEqualTo("https://example.org/fact-sheet.pdf");

        Callers.admin().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(LibraryResources.body(token + " Indicators, revised", "Signs of forced labour",
                        "\"url\": \"https://example.org/v2.pdf\", \"publishedOn\": \"2020-01-01\""))
                .when().put("/api/v1/resources/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("link", equalTo("https://example.org/v2.pdf"));
        Callers.admin().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(LibraryResources.body(token + " Stale", "Signs"))
                .when().put("/api/v1/resources/" + id)
                .then().statusCode(412);
        assertThat(decode(await(id, 2).get(1)).version()).isEqualTo(1);

        Callers.admin().post("/api/v1/resources/" + id + "/retire").then().statusCode(200)
                .body("state", equalTo("RETIRED")).body("retiredOn", not(nullValue()));
        assertThat(await(id, 3).get(2).value()).as("retirement is a tombstone").isNull();
        given().get("/api/v1/public/resources/" + id).then().statusCode(404);
        Callers.agent().get("/api/v1/resources/" + id).then().statusCode(200).body("state", equalTo("RETIRED"));

        Callers.admin().delete("/api/v1/resources/" + id).then().statusCode(204);
        assertThat(await(id, 4).get(3).value()).as("deletion is a tombstone").isNull();
        Callers.agent().get("/api/v1/resources/" + id).then().statusCode(404);
    }

    @Test
    void anInvalidResourceIsRefusedNamingEveryOffendingFieldAndNothingIsWritten() {
        String token = token();
        Response refused = Callers.admin().contentType(ContentType.JSON).body("""
                {"title": " ", "summary": "%s CANARY", "kind": "PAMPHLET", "topics": ["LABOR", "KNITTING"],
                 "audiences": [], "languages": ["English"], "url": "http://example.org/x.pdf",
                 "publishedOn": "2026-01-10", "retiredOn": "2026-01-01"}""".formatted(token))
                .when().post("/api/v1/resources");
        refused.then().statusCode(400).contentType("application/problem+json")
                .body(not(containsString("CANARY"))).body(not(containsString("KNITTING")));
        List<String> fields = refused.path("violations.field");
        assertThat(fields).contains("title", "kind", "audiences", "url").anyMatch(f -> f.startsWith("languages"));

        Response semantic = Callers.admin().contentType(ContentType.JSON).body(LibraryResources.body(token + " Bad",
                        "Summary", "\"url\": \"https://example.org/x\", \"publishedOn\": \"2026-01-10\","
                                + " \"retiredOn\": \"2026-01-01\"").replace("\"MEDICAL\", \"INFORMATION\"",
                        "\"KNITTING\", \"INFORMATION\""))
                .when().post("/api/v1/resources");
        semantic.then().statusCode(400);
        assertThat(semantic.<List<String>>path("violations.field")).containsExactlyInAnyOrder("topics[1]",
                "retiredOn");

        Callers.agent().queryParam("q", token).get("/api/v1/resources").then().statusCode(200)
                .body("totalItems", equalTo(0));
        Callers.agent().queryParam("topic", "KNITTING").queryParam("audience", "ALIENS").queryParam("size", "0")
                .get("/api/v1/resources").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("audience", "size", "topic"));
    }

    @Test
    void aPdfIsAttachedCheckedByItsBytesAndDownloadedWithItsName() {
        String token = token();
        String id = LibraryResources.create(LibraryResources.body(token + " Card", "Numbers to call",
                "\"publishedOn\": \"2020-01-01\""));
        // no link nor file yet: not public
        given().get("/api/v1/public/resources/" + id).then().statusCode(404);

        Callers.admin().contentType("application/pdf").body("<html>not a pdf</html>".getBytes())
                .put("/api/v1/resources/" + id + "/file").then().statusCode(400)
                .body("violations.field", hasItem("file"));
        byte[] tooLarge = new byte[2048];
        System.arraycopy(LibraryResources.pdf("x"), 0, tooLarge, 0, 5);
        Callers.admin().contentType("application/pdf").body(tooLarge)
                .put("/api/v1/resources/" + id + "/file").then().statusCode(413)
                .body("violations.field", hasItem("file"));
        Callers.admin().contentType("text/plain").body(LibraryResources.pdf("x"))
                .put("/api/v1/resources/" + id + "/file").then().statusCode(415);

        byte[] pdf = LibraryResources.pdf(token);
        Callers.admin().contentType("application/octet-stream").body(pdf).queryParam("fileName", "key numbers.pdf")
                .put("/api/v1/resources/" + id + "/file").then().statusCode(200)
                .body("file.fileName", equalTo("key numbers.pdf"))
                .body("file.sizeBytes", equalTo(pdf.length))
                .body("link", equalTo("http://localhost:8081/api/v1/public/resources/" + id + "/file"));

        Response download = given().get("/api/v1/public/resources/" + id + "/file");
        download.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"key numbers.pdf\"");
        assertThat(Arrays.equals(download.asByteArray(), pdf)).isTrue();
        Callers.agent().get("/api/v1/resources/" + id + "/file").then().statusCode(200);
        assertThat(decode(await(id, 2).get(1)).link()).endsWith("/api/v1/public/resources/" + id + "/file");

        Callers.admin().contentType(ContentType.JSON).body(LibraryResources.body(token + " Card", "Numbers"))
                .put("/api/v1/resources/" + id).then().statusCode(400).body("violations.field", hasItem("url"));
    }

    @Test
    void staffSearchByTopicAudienceLanguageAndTextRanksTheTitleFirst() {
        String token = token();
        String inTitle = LibraryResources.create(LibraryResources.body(token + " debt bondage", "A guide"));
        String inSummary = LibraryResources.create(LibraryResources.body(token + " Guide",
                "How debt bondage keeps workers"));
        String other = LibraryResources.create("""
                {"title": "%s Youth training", "summary": "For schools", "kind": "TRAINING",
                 "topics": ["TRAINING", "SEX"], "audiences": ["EDUCATOR"], "languages": ["en"],
                 "url": "https://example.org/t", "publishedOn": "2020-01-01"}""".formatted(token));

        assertThat(ids(Callers.agent().queryParam("q", token + " debt bondage"))).containsExactly(inTitle, inSummary);
        assertThat(ids(Callers.agent().queryParam("q", token).queryParam("topic", "SEX"))).containsExactly(other);
        assertThat(ids(Callers.agent().queryParam("q", token).queryParam("audience", "EDUCATOR")))
                .containsExactly(other);
        assertThat(ids(Callers.agent().queryParam("q", token).queryParam("language", "es")))
                .containsExactlyInAnyOrder(inTitle, inSummary);
        Callers.agent().queryParam("q", token).queryParam("size", "2").queryParam("page", "1")
                .get("/api/v1/resources").then().statusCode(200)
                .body("page", equalTo(1)).body("size", equalTo(2)).body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2)).body("items.size()", equalTo(1));
    }

    @Test
    void thePublicReadsOnlyWhatIsPublishedAndNotRetired() {
        String token = token();
        String published = LibraryResources.create(LibraryResources.body(token + " Published", "Out"));
        String draft = LibraryResources.create(LibraryResources.body(token + " Draft", "Not yet",
                "\"url\": \"https://example.org/d\""));
        String future = LibraryResources.create(LibraryResources.body(token + " Future", "Later",
                "\"url\": \"https://example.org/f\", \"publishedOn\": \"2999-01-01\""));
        String retired = LibraryResources.create(LibraryResources.body(token + " Retired", "Gone"));
        Callers.admin().post("/api/v1/resources/" + retired + "/retire").then().statusCode(200);

        assertThat(ids(given().queryParam("q", token), "/api/v1/public/resources")).containsExactly(published);
        given().get("/api/v1/public/resources/" + published).then().statusCode(200)
                .body("title", equalTo(token + " Published"));
        for (String hidden : List.of(draft, future, retired, UUID.randomUUID().toString(), "not-an-id")) {
            given().get("/api/v1/public/resources/" + hidden).then().statusCode(404);
        }
        assertThat(ids(Callers.agent().queryParam("q", token).queryParam("state", "DRAFT")))
                .containsExactlyInAnyOrder(draft, future);
        assertThat(ids(Callers.agent().queryParam("q", token))).hasSize(4);
    }

    @Test
    void theSeedHoldsTheRealResourcesAndClearlyMarkedExamples() {
        Callers.agent().get("/api/v1/resources/5eed0002-0000-4000-8000-000000000001").then().statusCode(200)
                .body("kind", equalTo("HOTLINE_CARD")).body("summary", containsString("1-888-373-7888"));
        Callers.agent().get("/api/v1/resources/5eed0002-0000-4000-8000-000000000002").then().statusCode(200)
                .body("summary", containsString("9am-7pm"));
        List<String> titles = Callers.agent().queryParam("q", "Example").queryParam("size", "100")
                .get("/api/v1/resources").then().statusCode(200).extract().path("items.title");
        assertThat(titles).filteredOn(t -> t.startsWith("Example — ")).hasSizeGreaterThanOrEqualTo(3);
    }

    private static List<String> ids(io.restassured.specification.RequestSpecification request) {
        return ids(request, "/api/v1/resources");
    }

    private static List<String> ids(io.restassured.specification.RequestSpecification request, String path) {
        return request.get(path).then().statusCode(200).extract().path("items.id");
    }

    private List<ConsumerRecord<String, String>> await(String id, int count) {
        return kafka.await(Topics.DIRECTORY_RESOURCES, r -> id.equals(r.key()), count, WAIT);
    }

    private ResourceUpserted decode(ConsumerRecord<String, String> record) {
        return codec.decode(EventType.RESOURCE_UPSERTED, record.value(), ResourceUpserted.class);
    }

    static String token() {
        return "rx" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }
}
