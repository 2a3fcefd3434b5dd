package org.assistance.chassis.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.assistance.testsupport.PostgresServer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The chassis' migrations keep their own history: on a fresh database, on one migrated while they
 * shared the service's history, and when the chassis gains a migration later. The service here is
 * the chassis' test fixture (db/migration/V1).
 */
class ChassisMigrationsTest {
    private static final String SERVICE_LOCATION = "classpath:db/migration";
    private static final String LATER_CHASSIS_LOCATION = "classpath:db/chassis-later";
    private static final String CHASSIS_HISTORY =
            "select version, script, checksum, installed_on from chassis_schema_history order by installed_rank";
    private static final String SERVICE_HISTORY =
            "select version, script, checksum, installed_on from flyway_schema_history order by installed_rank";

    private final PostgresServer postgres = PostgresServer.shared();

    @Test
    void a_fresh_database_gets_the_chassis_history_apart_from_the_service_history() throws Exception {
        String database = postgres.createFreshDatabase("chassis_fresh");

        service(database, new ChassisMigrations()).migrate();

        List<String> chassisVersions =
                column(database, "select version from chassis_schema_history order by installed_rank");
        assertThat(chassisVersions.get(0))
                .as("the baseline the chassis history starts from")
                .isEqualTo("0");
        assertThat(chassisVersions)
                .containsSubsequence("0", "0.1", "0.2", "0.3")
                .allMatch(v -> v.startsWith("0"));
        assertThat(column(database, "select version from flyway_schema_history order by installed_rank"))
                .as("the service's history holds only its own migrations")
                .containsExactly("1");
        assertThat(column(database, "select to_regclass('outbox')::text")).containsExactly("outbox");
    }

    @Test
    void a_database_migrated_with_one_shared_history_moves_the_chassis_rows_and_runs_nothing_again() throws Exception {
        String database = postgres.createFreshDatabase("chassis_upgrade");
        // the way every service migrated before: the chassis' V0_1..V0_3 and the service's V1 in flyway_schema_history
        Flyway.configure()
                .dataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password())
                .locations(ChassisMigrations.LOCATION)
                .target("0.3")
                .load()
                .migrate();
        Flyway.configure()
                .dataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password())
                .locations(SERVICE_LOCATION)
                .ignoreMigrationPatterns("*:missing")
                .load()
                .migrate();
        // as Quarkus records them: with the location's path
        execute(database, "update flyway_schema_history set script = 'db/migration/' || script");
        List<List<String>> before = rows(database, SERVICE_HISTORY);
        assertThat(before).extracting(row -> row.get(0)).containsExactly("0.1", "0.2", "0.3", "1");
        execute(
                database,
                "insert into outbox (event_id, topic, event_key, event_type, source, occurred_at, payload) "
                        + "values (gen_random_uuid(), 't', 'k', 'x', '/test', now(), '{}')");

        // the next start, with the chassis' own history and a chassis migration written since
        service(database, new ChassisMigrations(ChassisMigrations.LOCATION, LATER_CHASSIS_LOCATION))
                .migrate();

        assertThat(rows(database, SERVICE_HISTORY))
                .as("the service's history keeps its own rows only, as they were")
                .containsExactly(before.get(3));
        List<List<String>> chassis = rows(database, CHASSIS_HISTORY);
        assertThat(chassis.get(0).get(0)).isEqualTo("0");
        assertThat(chassis.subList(1, 4))
                .as("moved as they were: same scripts, checksums and dates")
                .containsExactlyElementsOf(before.subList(0, 3));
        assertThat(chassis.get(chassis.size() - 1).get(0))
                .as("the later chassis migration applies")
                .isEqualTo("0.99");
        assertThat(column(database, "select to_regclass('later_chassis_table')::text"))
                .containsExactly("later_chassis_table");
        assertThat(column(database, "select count(*) from outbox"))
                .as("nothing ran again")
                .containsExactly("1");

        // and a start after that finds both histories up to date
        service(database, new ChassisMigrations(ChassisMigrations.LOCATION, LATER_CHASSIS_LOCATION))
                .migrate();
        assertThat(rows(database, CHASSIS_HISTORY)).isEqualTo(chassis);
        assertThat(rows(database, SERVICE_HISTORY)).containsExactly(before.get(3));
    }

    @Test
    void the_chassis_history_is_validated_only_when_the_service_validates_its_own() throws Exception {
        String database = postgres.createFreshDatabase("chassis_validation");
        service(database, new ChassisMigrations()).migrate();
        // an applied chassis migration whose script changed (CommittedMigrationsTest keeps that out of builds)
        execute(database, "update chassis_schema_history set checksum = checksum + 1 where version = '0.1'");

        // the start as the chassis defaults configure it (quarkus.flyway.validate-on-migrate=false): no reading back
        Flyway withoutValidation = ChassisMigrations.addTo(
                        configuration(database).validateOnMigrate(false), new ChassisMigrations())
                .load();
        assertThat(withoutValidation.migrate().success).isTrue();

        // a service that validates gets the chassis history validated too
        assertThatThrownBy(() -> service(database, new ChassisMigrations()).migrate())
                .isInstanceOf(FlywayException.class)
                .hasStackTraceContaining("checksum mismatch for migration version 0.1");
    }

    @Test
    void a_start_on_an_up_to_date_database_does_not_wait_for_another_instance_migrating() throws Exception {
        String database = postgres.createFreshDatabase("chassis_current");
        service(database, new ChassisMigrations()).migrate();
        List<List<String>> chassis = rows(database, CHASSIS_HISTORY);

        try (Connection other = connect(database);
                Statement lock = other.createStatement()) {
            // another instance holds the chassis' migration lock (it is migrating, or hangs doing so)
            lock.execute("select pg_advisory_lock(" + ChassisMigrations.LOCK + ")");
            Flyway start = ChassisMigrations.addTo(
                            configuration(database).validateOnMigrate(false), new ChassisMigrations())
                    .load();

            CompletableFuture<Boolean> started = CompletableFuture.supplyAsync(() -> start.migrate().success);

            assertThat(started)
                    .as("every chassis migration is applied: nothing to wait for")
                    .succeedsWithin(Duration.ofSeconds(20))
                    .isEqualTo(true);
        }
        assertThat(rows(database, CHASSIS_HISTORY)).isEqualTo(chassis);
    }

    @Test
    void a_chassis_migration_missing_or_failed_in_the_history_is_left_to_flyway() throws Exception {
        String database = postgres.createFreshDatabase("chassis_behind");
        service(database, new ChassisMigrations()).migrate();
        ChassisMigrations chassis = new ChassisMigrations();
        ClassLoader classLoader = getClass().getClassLoader();

        try (Connection c = connect(database);
                Statement s = c.createStatement()) {
            assertThat(chassis.holdsEveryMigration(c, "public", classLoader)).isTrue();
            assertThat(new ChassisMigrations(ChassisMigrations.LOCATION, LATER_CHASSIS_LOCATION)
                            .holdsEveryMigration(c, "public", classLoader))
                    .as("a location without its list of migrations")
                    .isFalse();

            s.execute("update chassis_schema_history set success = false where version = '0.11'");
            assertThat(chassis.holdsEveryMigration(c, "public", classLoader))
                    .as("a failed migration")
                    .isFalse();

            s.execute("delete from chassis_schema_history where version = '0.11'");
            assertThat(chassis.holdsEveryMigration(c, "public", classLoader))
                    .as("a migration the history lacks")
                    .isFalse();
        }
    }

    /** The service's Flyway as Quarkus configures it: default history table, its own location, the chassis first. */
    private Flyway service(String database, ChassisMigrations chassis) {
        return ChassisMigrations.addTo(configuration(database), chassis).load();
    }

    private FluentConfiguration configuration(String database) {
        return Flyway.configure()
                .dataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password())
                .locations(SERVICE_LOCATION);
    }

    private List<String> column(String database, String sql) throws SQLException {
        return rows(database, sql).stream().map(row -> row.get(0)).toList();
    }

    private List<List<String>> rows(String database, String sql) throws SQLException {
        try (Connection c = connect(database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private void execute(String database, String sql) throws SQLException {
        try (Connection c = connect(database);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }
}
