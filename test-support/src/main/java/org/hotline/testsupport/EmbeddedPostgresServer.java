package org.hotline.testsupport;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.hotline.local.ServiceSchemas;

/**
 * A real PostgreSQL server from the zonky binaries, started once per test JVM, with the {@code hotline} database and
 * one login role and schema per service, as in production: each service owns its schema and cannot read another's.
 */
public final class EmbeddedPostgresServer {

    public static final String DATABASE = "hotline";
    public static final List<String> SERVICES = List.of("intake", "routing", "directory", "followup");

    private static EmbeddedPostgresServer shared;

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static synchronized EmbeddedPostgresServer shared() {
        if (shared == null) {
            try {
                EmbeddedPostgresServer server = new EmbeddedPostgresServer(EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .start());
                server.createDatabase();
                shared = server;
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("Could not start the embedded PostgreSQL server", e);
            }
        }
        return shared;
    }

    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of the {@code hotline} database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /** Superuser access to the {@code hotline} database, for test set-up and assertions. */
    public DataSource adminDataSource() {
        return postgres.getDatabase("postgres", DATABASE);
    }

    private void createDatabase() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        }
        try (Connection c = adminDataSource().getConnection(); Statement s = c.createStatement()) {
            for (String service : SERVICES) {
                ServiceSchemas.create(s, service, service);
            }
            ServiceSchemas.createAuditTrail(s);
        }
    }
}
