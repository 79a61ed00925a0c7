package org.hotline.local;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the zonky binaries, its data in a folder that survives restarts, listening on
 * localhost only. Creates the {@code hotline} database and one role and schema per service.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "hotline";
    public static final List<String> SERVICES = List.of("intake", "routing", "directory", "followup");

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static LocalPostgres start(Path dataDirectory, int port) throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .start();
        LocalPostgres local = new LocalPostgres(postgres);
        local.prepare();
        return local;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    private void prepare() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + DATABASE);
                }
            }
        }
        try (Connection c = postgres.getDatabase("postgres", DATABASE).getConnection();
                Statement s = c.createStatement()) {
            for (String service : SERVICES) {
                // Local development only: each role's password is its name. Production takes secrets.
                ServiceSchemas.create(s, service, service);
            }
            ServiceSchemas.createAuditTrail(s);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
