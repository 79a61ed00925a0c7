package org.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ConcurrentIdempotencyTest {

    @Test
    void submissionsRacingWithOneKeyStoreOneTipAndAllGetItsReference() throws Exception {
        for (int round = 0; round < 5; round++) {
            String key = "race-" + UUID.randomUUID();
            int racers = 6;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<String> submit = () -> {
                    start.await();
                    return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                            .body("{\"description\": \"double click\"}")
                            .post("/api/v1/tips").then().statusCode(202).extract().path("reference");
                };
                answers.add(pool.submit(submit));
            }
            start.countDown();
            Set<String> references = new java.util.HashSet<>();
            for (Future<String> answer : answers) {
                references.add(answer.get());
            }
            pool.shutdown();

            assertThat(references).hasSize(1);
            assertThat(storedWithKey(key)).containsExactlyElementsOf(references);
        }
    }

    private static List<String> storedWithKey(String key) throws Exception {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT reference FROM intake.contact WHERE idempotency_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                List<String> references = new ArrayList<>();
                while (rs.next()) {
                    references.add(rs.getString(1));
                }
                return references;
            }
        }
    }
}
