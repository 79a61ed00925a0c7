package org.hotline.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates a service's login role and the schema it owns; the role's default search path is that schema. */
public final class ServiceSchemas {

    private ServiceSchemas() {
    }

    public static void create(Statement admin, String service, String password) throws SQLException {
        if (!service.matches("[a-z]+")) {
            throw new IllegalArgumentException("Service names are lower-case letters");
        }
        admin.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + service + "') THEN "
                + "CREATE ROLE " + service + " LOGIN PASSWORD '" + password.replace("'", "''") + "'; END IF; END $$");
        admin.execute("CREATE SCHEMA IF NOT EXISTS " + service + " AUTHORIZATION " + service);
        admin.execute("REVOKE ALL ON SCHEMA public FROM " + service);
    }

    /**
     * Creates the audit trail of reads of personal data (db/audit-trail.sql), owned by a role no service can act as:
     * intake may append and read, never change or delete. Run after the services' roles exist.
     */
    public static void createAuditTrail(Statement admin) throws SQLException {
        try (InputStream sql = ServiceSchemas.class.getResourceAsStream("/db/audit-trail.sql")) {
            if (sql == null) {
                throw new IllegalStateException("db/audit-trail.sql is missing from the class path");
            }
            admin.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
