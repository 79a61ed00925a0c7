package org.hotline.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.hotline.testsupport.EmbeddedPostgresServer;

/** What intake stored, read straight from the database as an administrator would, for tests to check. */
final class IntakeDatabase {

    private IntakeDatabase() {
    }

    /** The audit trail's actions for a contact, oldest first, each as {@code actor action}. */
    static List<String> auditTrail(String reference) throws SQLException {
        return strings("SELECT actor || ' ' || action FROM audit.personal_data_access WHERE reference = ? ORDER BY id",
                reference);
    }

    /** Every row intake keeps about a contact (the contact, its messages and notes), as text. */
    static String storedRows(String reference) throws SQLException {
        return String.join("\n", strings("""
                SELECT row_to_json(c)::text FROM intake.contact c WHERE c.reference = ?1
                UNION ALL SELECT row_to_json(m)::text FROM intake.tip_message m
                    JOIN intake.contact c ON c.id = m.contact_id WHERE c.reference = ?1
                UNION ALL SELECT row_to_json(n)::text FROM intake.contact_note n
                    JOIN intake.contact c ON c.id = n.contact_id WHERE c.reference = ?1
                """.replace("?1", "?"), reference, reference, reference));
    }

    static List<String> strings(String sql, String... parameters) throws SQLException {
        try (Connection db = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
