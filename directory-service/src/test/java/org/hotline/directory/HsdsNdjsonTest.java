package org.hotline.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.generator.DirectoryGenerator;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * {@code format=ndjson} streams every service of a 10,000-service directory without pages and in constant memory:
 * the answer is written while it is read (a service created after the first line arrives is in it: the rows are
 * read in keyset batches as the stream goes, not all before it starts), and the heap grows far less than the answer.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class HsdsNdjsonTest {

    private static final long SEED = 20261222;
    private static final String LAST = "ffffffff-ffff-4fff-bfff-ffffffffffff";

    @Test
    void tenThousandServicesStreamInConstantMemory() throws Exception {
        DirectoryGenerator generator = new DirectoryGenerator(SEED);
        Set<String> generated = new HashSet<>();
        int organizations = 0;
        while (generated.size() < 10_000) {
            OrganizationUpserted o = generator.organization(organizations++);
            o.services().forEach(s -> generated.add(s.id().toString()));
        }
        Callers.admin().post("/api/v1/admin/organizations/generate?count=" + organizations + "&seed=" + SEED)
                .then().statusCode(200);
        long inDirectory = Long.parseLong(Organizations.queryString("SELECT count(*) FROM directory.service"));
        awaitOutboxRelayed();

        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/hsds/services?format=ndjson&full=true"))
                .header("Authorization", "Bearer " + TestTokens.agent()).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/x-ndjson");
        assertThat(response.headers().firstValue("content-length")).as("streamed, not sized beforehand").isEmpty();

        // Loaded before the baseline: the HSDS schemas and the OpenAPI document held by HsdsSchemas are tens of MB,
        // and a first use inside the loop would count their loading as the stream's memory.
        assertThat(HsdsSchemas.SERVICE).isNotNull();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = usedAfterGc(memory);
        long peak = 0;
        long bytes = 0;
        Set<String> seen = new HashSet<>();
        String previous = "";
        String last = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line = lines.readLine();
            // The stream has begun; a service created now, with the greatest id, is read in the last batch.
            Organizations.create(Organizations.body(OrganizationSearchTest.token() + " Late",
                    Organizations.service(LAST, "[\"LEGAL\"]", "America/Chicago", "09:00", "17:00",
                            "{\"national\": true}")));
            for (; line != null; line = lines.readLine()) {
                bytes += line.length() + 1;
                JsonNode service = HsdsSchemas.parse(line);
                String id = service.get("id").asText();
                assertThat(id).as("id order").isGreaterThan(previous);
                previous = id;
                seen.add(id);
                last = id;
                if (seen.size() % 2_500 == 0) {
                    HsdsSchemas.assertValid(HsdsSchemas.SERVICE, service);
                    peak = Math.max(peak, usedAfterGc(memory) - baseline);
                }
            }
        }
        removeFromTheSharedDatabase(generated);
        assertThat(seen).containsAll(generated).hasSize((int) inDirectory + 1);
        assertThat(last).as("read after the answer began").isEqualTo(LAST);
        assertThat(bytes).as("the answer is large").isGreaterThan(20L << 20);
        // Generous: a batch of 500 nested services is a few MB; the whole answer held at once is several times this.
        assertThat(peak).as("heap growth while streaming %d bytes", bytes).isLessThan(bytes / 4);
        System.out.printf("ndjson: %d services, %d bytes, heap growth at most %d bytes%n", seen.size(), bytes, peak);
    }

    /**
     * The module's test classes share one database: 4,000 generated organisations left behind would slow every later
     * class that reads or republishes the whole directory. Their rows go (the topic keeps their records, which no
     * later class reads as the directory's content).
     */
    private static void removeFromTheSharedDatabase(Set<String> services) throws SQLException {
        List<String> ids = new ArrayList<>(services);
        ids.add(LAST);
        Organizations.execute("DELETE FROM directory.organization WHERE id IN (SELECT organization_id FROM"
                + " directory.service WHERE id = ANY (CAST(? AS uuid[])))", (Object) ids.toArray(String[]::new));
    }

    /**
     * The generated organisations' events (several KB each) sit in the relay's producer buffers until Kafka has them;
     * measured while they do, the heap would grow by the relay's work, not the stream's.
     */
    private static void awaitOutboxRelayed() {
        org.awaitility.Awaitility.await("the outbox relayed the generated organisations")
                .atMost(java.time.Duration.ofMinutes(3))
                .until(() -> "0".equals(Organizations.queryString("SELECT count(*) FROM directory.outbox")));
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
