package org.hotline.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a service under test at the real Kafka broker and PostgreSQL server of this test JVM. Register it once per
 * module with {@code @WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)}.
 * The service keeps its own role and schema settings; only the addresses and the test token issuer's keys come
 * from here.
 */
public class HotlineInfrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.shared();
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "mp.jwt.verify.publickey.location", TestTokens.jwksLocation(),
                "mp.jwt.verify.issuer", TestTokens.issuer());
    }

    @Override
    public void stop() {
        // Both servers live as long as the test JVM: other test classes of the module reuse them.
    }
}
