package org.assistance.equipmentservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V6 on a database that has rules and shipments already: the rules made before rest on OTHER,
 * nobody named, and a cancelled shipment's cancellation time is its last update. Run in a schema
 * of its own, dropped afterwards, over connections of its own: a search path set on one of the
 * service's pooled connections would stay with it.
 */
@QuarkusTest
class MigrationV6Test {
    private static final String SCHEMA = "v6_existing_rules";

    @Test
    void rules_made_before_their_basis_existed_rest_on_other_and_cancelled_shipments_keep_their_time()
            throws Exception {
        UUID rule = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        UUID planned = UUID.randomUUID();
        OffsetDateTime cancelledAt = OffsetDateTime.parse("2026-03-04T05:06:07Z");
        try {
            migrateTo("5");
            try (Connection connection = connection();
                    Statement sql = connection.createStatement()) {
                sql.execute("set search_path to " + SCHEMA);
                sql.execute("insert into export_rules (id, destination, target, measure, reference, reason, created_at,"
                        + " created_by) values ('" + rule + "', 'KP', 'VEHICLES', 'PROHIBITED', 'Embargo',"
                        + " 'Armoured vehicles', now(), 'admin-old')");
                for (UUID shipment : new UUID[] {cancelled, planned}) {
                    sql.execute("insert into shipments (id, request_id, agency_id, destination_country, warehouse,"
                            + " status, lines, planned_at, updated_at, version) values ('" + shipment + "', '"
                            + UUID.randomUUID() + "', 'agency-old', 'KE', 'W', '"
                            + (shipment.equals(cancelled) ? "CANCELLED" : "PLANNED") + "', '[]', now(), '"
                            + cancelledAt + "', 0)");
                }
            }
            migrateTo("6");
            try (Connection connection = connection();
                    Statement sql = connection.createStatement()) {
                sql.execute("set search_path to " + SCHEMA);
                try (ResultSet found = sql.executeQuery(
                        "select basis, imposed_by, instrument from export_rules where id = '" + rule + "'")) {
                    assertThat(found.next()).isTrue();
                    assertThat(found.getString("basis")).isEqualTo("OTHER");
                    assertThat(found.getString("imposed_by")).isNull();
                    assertThat(found.getString("instrument")).isNull();
                }
                try (ResultSet found = sql.executeQuery("select id, cancelled_at from shipments")) {
                    int rows = 0;
                    while (found.next()) {
                        rows++;
                        OffsetDateTime at = found.getObject("cancelled_at", OffsetDateTime.class);
                        if (found.getObject("id", UUID.class).equals(cancelled)) {
                            assertThat(at).isAtSameInstantAs(cancelledAt);
                        } else {
                            assertThat(at).isNull();
                        }
                    }
                    assertThat(rows).isEqualTo(2);
                }
                try (ResultSet found = sql.executeQuery("select count(*) from shipment_impediments")) {
                    found.next();
                    assertThat(found.getLong(1)).isZero();
                }
            }
        } finally {
            try (Connection connection = connection();
                    Statement sql = connection.createStatement()) {
                sql.execute("drop schema if exists " + SCHEMA + " cascade");
            }
        }
    }

    private static Connection connection() throws java.sql.SQLException {
        return DriverManager.getConnection(setting("url"), setting("username"), setting("password"));
    }

    /** The service's own database settings (an empty password reads as none). */
    private static String setting(String name) {
        return ConfigProvider.getConfig()
                .getOptionalValue("quarkus.datasource." + (name.equals("url") ? "jdbc.url" : name), String.class)
                .orElse("");
    }

    private static void migrateTo(String version) {
        Flyway.configure()
                .dataSource(setting("url"), setting("username"), setting("password"))
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .target(version)
                .load()
                .migrate();
    }
}
