package org.hotline.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The V2 migration moves organisations stored by V1 (services as a JSONB document) into the HSDS tables, with the
 * child ids the application derives ({@link Service#childId}); V3 copies each organisation's text onto its services.
 * Runs Flyway on a scratch schema of the test database.
 */
class MigrationTest {

    private static final UUID ORGANIZATION = UUID.fromString("0a000000-0000-4000-8000-000000000001");
    private static final UUID LOCAL = UUID.fromString("0a000001-0000-4000-8000-000000000001");
    private static final UUID NATIONAL = UUID.fromString("0a000001-0000-4000-8000-000000000002");

    private final DataSource admin = EmbeddedPostgresServer.shared().adminDataSource();
    private final String schema = "directory_migration_" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void v2MovesTheServicesDocumentIntoTables() throws SQLException {
        flyway("1").migrate();
        execute("""
                INSERT INTO %s.organization (id, name, description, law_enforcement, emergency_dispatch, audiences,
                    languages, last_verified_on, services, version, updated_at)
                VALUES ('%s', 'Coast Coalition', 'Local help', false, false, '["YOUTH"]', '["en", "es"]',
                    '2026-11-01', '[
                  {"id": "%s", "name": "Victim services", "needs": ["CASE_MANAGEMENT", "SHELTER"],
                   "hours": {"timeZone": "America/Los_Angeles", "open24h": false,
                             "weekly": [{"days": ["MON", "TUE", "WED", "THU", "FRI"], "opens": "09:00", "closes": "17:00"},
                                        {"days": ["SAT"], "opens": "22:00", "closes": "06:00"}],
                             "closedDates": ["2026-11-26", "2026-12-25"]},
                   "area": {"national": false, "states": ["NV"], "counties": ["CA:Monterey", "CA:Santa Cruz"],
                            "postalCodes": ["95060"]}},
                  {"id": "%s", "name": "Hotline", "needs": ["INFORMATION"], "phone": "1-888-373-7888",
                   "hours": {"timeZone": "America/New_York", "open24h": true, "weekly": [], "closedDates": []},
                   "area": {"national": true, "states": [], "counties": [], "postalCodes": []}}]',
                    3, '2026-11-20T10:00:00Z')""".formatted(schema, ORGANIZATION, LOCAL, NATIONAL));

        flyway(null).migrate();

        assertThat(rows("SELECT id, position, name, time_zone, open_24h, area_level FROM %s.service ORDER BY position"))
                .containsExactly(
                        LOCAL + "|0|Victim services|America/Los_Angeles|f|0",
                        NATIONAL + "|1|Hotline|America/New_York|t|2");
        assertThat(rows("SELECT search_terms, organization_verified_on FROM %s.service ORDER BY position"))
                .as("the search terms, as Service.searchTerms derives them")
                .containsExactly(
                        "{A:YOUTH,C:CA:Monterey,\"C:CA:Santa Cruz\",IN:CA,N:CASE_MANAGEMENT,N:SHELTER,S:NV,"
                                + "Z:95060}|2026-11-01",
                        "{A:YOUTH,N:INFORMATION,US}|2026-11-01");
        assertThat(rows("SELECT id, service_id, position, number FROM %s.phone"))
                .containsExactly(Service.childId(NATIONAL, "phone", 0) + "|" + NATIONAL + "|0|1-888-373-7888");
        assertThat(rows("SELECT id, position, time_zone, days, opens_at, closes_at FROM %s.schedule ORDER BY position"))
                .containsExactly(
                        Service.childId(LOCAL, "schedule", 0) + "|0|America/Los_Angeles|{MON,TUE,WED,THU,FRI}"
                                + "|09:00:00|17:00:00",
                        Service.childId(LOCAL, "schedule", 1) + "|1|America/Los_Angeles|{SAT}|22:00:00|06:00:00");
        assertThat(rows("SELECT service_id, closed_on FROM %s.service_closed_date ORDER BY closed_on"))
                .containsExactly(LOCAL + "|2026-11-26", LOCAL + "|2026-12-25");
        assertThat(rows("SELECT service_id, need FROM %s.service_need ORDER BY service_id, need"))
                .containsExactly(LOCAL + "|CASE_MANAGEMENT", LOCAL + "|SHELTER", NATIONAL + "|INFORMATION");
        assertThat(rows("SELECT id, service_id, position, kind, code, state FROM %s.service_area"
                + " ORDER BY service_id, position")).containsExactly(
                        Service.childId(LOCAL, "service_area", 0) + "|" + LOCAL + "|0|STATE|NV|NV",
                        Service.childId(LOCAL, "service_area", 1) + "|" + LOCAL + "|1|COUNTY|CA:Monterey|CA",
                        Service.childId(LOCAL, "service_area", 2) + "|" + LOCAL + "|2|COUNTY|CA:Santa Cruz|CA",
                        Service.childId(LOCAL, "service_area", 3) + "|" + LOCAL + "|3|POSTAL_CODE|95060|null",
                        Service.childId(NATIONAL, "service_area", 0) + "|" + NATIONAL + "|0|NATIONAL|null|null");
        assertThat(rows("SELECT audiences, languages, service_names, area_level, version,"
                + " search_vector @@ to_tsquery('english', 'hotline') FROM %s.organization"))
                .containsExactly("{YOUTH}|{en,es}|Victim services Hotline|0|3|t");
        assertThat(rows("SELECT id, organization_search @@ to_tsquery('english', 'hotline') FROM %s.service"
                + " ORDER BY id"))
                .as("V3: each service carries its organisation's text").containsExactly(LOCAL + "|t", NATIONAL + "|t");
        assertThat(rows("SELECT count(*) FROM information_schema.columns WHERE table_schema = '" + schema
                + "' AND table_name = 'organization' AND column_name = 'services'"))
                .as("the JSONB document is gone").containsExactly("0");
    }

    private Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(admin).schemas(schema).defaultSchema(schema)
                .createSchemas(true).locations("classpath:db/platform", "classpath:db/migration");
        return (target == null ? configuration : configuration.target(target)).load();
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Each row as its columns joined by '|'. */
    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = admin.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql.formatted(schema))) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
