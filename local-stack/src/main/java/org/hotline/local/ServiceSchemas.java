package org.hotline.local;

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
}
