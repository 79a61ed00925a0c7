package org.hotline.routing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.hotline.testsupport.EmbeddedPostgresServer;

/** Looks into routing's directory read model straight in the database, for tests that wait for the topic to land. */
final class ReadModelRows {

    private ReadModelRows() {
    }

    /** Whether the organisation is in the read model (and not deleted). */
    static boolean contains(UUID organizationId) throws SQLException {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT 1 FROM routing.directory_organization WHERE id = ? AND NOT deleted")) {
            s.setObject(1, organizationId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
