package org.assistance.chassis.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The chassis' own migrations ({@code db/chassis}: outbox, processed events, rate-limit buckets)
 * keep their own history, {@value #HISTORY_TABLE}, beside the service's
 * {@code flyway_schema_history}, and are applied just before the service's Flyway validates or
 * migrates (a service migration may use the outbox). With one shared history a new chassis
 * migration {@code V0_n} would sort below the service's applied {@code V1..} and Flyway would
 * refuse to start.
 *
 * <p>Two histories in one schema: whichever Flyway comes second finds the schema not empty. So on
 * a fresh database the service's Flyway creates its (empty) history first, and the chassis history
 * starts with a baseline row at version 0 (below every chassis migration, so all of them apply).
 *
 * <p>A database migrated before the chassis had its own history has the chassis rows (0.1 to 0.3)
 * in the service's history: they move here, as they are (same versions and checksums, so nothing
 * runs again and the service's validation no longer sees migrations it cannot find).
 */
public final class ChassisMigrations implements Callback {
    public static final String LOCATION = "classpath:db/chassis";
    public static final String HISTORY_TABLE = "chassis_schema_history";
    /** The list of every migration of a folder with its SHA-256 (CommittedMigrations in test-support). */
    static final String LIST = "applied-migrations.sha256";

    private static final String CLASSPATH = "classpath:";
    /** Instances starting together: one moves the rows and migrates, the others wait and find it done. */
    static final long LOCK = 0x6368617373697300L; // "chassis\0"

    private final String[] locations;

    public ChassisMigrations() {
        this(LOCATION);
    }

    /** For tests that add a later chassis migration from another location. */
    ChassisMigrations(String... locations) {
        this.locations = locations;
    }

    /** Adds the chassis migrations to a service's Flyway configuration. */
    public static FluentConfiguration addTo(FluentConfiguration service, ChassisMigrations migrations) {
        Callback[] callbacks = Arrays.copyOf(service.getCallbacks(), service.getCallbacks().length + 1);
        callbacks[callbacks.length - 1] = migrations;
        return service.callbacks(callbacks);
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true; // works on connections of its own
    }

    @Override
    public String getCallbackName() {
        return "chassis migrations";
    }

    @Override
    public void handle(Event event, Context context) {
        Configuration service = context.getConfiguration();
        try (Connection connection = service.getDataSource().getConnection()) {
            String schema = service.getDefaultSchema() != null ? service.getDefaultSchema() : currentSchema(connection);
            if (!exists(connection, schema, service.getTable())) {
                return; // a fresh database: the service's Flyway creates its history, then calls again before migrating
            }
            if (!service.isValidateOnMigrate() && holdsEveryMigration(connection, schema, service.getClassLoader())) {
                // the usual start: nothing to apply, so no lock and no second Flyway (a quarter of a second
                // of every start, issue 18)
                return;
            }
            try (Statement lock = connection.createStatement()) {
                lock.execute("select pg_advisory_lock(" + LOCK + ")");
            }
            try {
                Flyway chassis = chassisFlyway(service, schema);
                if (!exists(connection, schema, HISTORY_TABLE)) {
                    chassis.baseline();
                    moveFromServiceHistory(connection, chassis, schema, service.getTable());
                }
                chassis.migrate();
            } finally {
                try (Statement unlock = connection.createStatement()) {
                    unlock.execute("select pg_advisory_unlock(" + LOCK + ")");
                }
            }
        } catch (SQLException e) {
            throw new FlywayException("Could not apply the chassis migrations: " + e.getMessage(), e);
        }
    }

    private Flyway chassisFlyway(Configuration service, String schema) {
        return Flyway.configure(service.getClassLoader())
                .dataSource(service.getDataSource())
                .defaultSchema(schema)
                .schemas(service.getSchemas())
                .table(HISTORY_TABLE)
                .locations(locations)
                // found nothing to apply would otherwise pass silently: a packaging mistake must stop the start
                .failOnMissingLocations(true)
                .baselineVersion("0")
                .baselineDescription("chassis history starts")
                .cleanDisabled(true)
                // validates its applied migrations only when the service's Flyway does
                // (quarkus.flyway.validate-on-migrate)
                .validateOnMigrate(service.isValidateOnMigrate())
                .encoding(service.getEncoding())
                .load();
    }

    /**
     * Whether the chassis history already holds, applied successfully, every migration these
     * locations carry. Each location's {@value #LIST} names every migration in it (CommittedMigrationsTest
     * fails a build with one unlisted), so one read of it stands for Flyway's scan. A location without
     * that list, a repeatable migration (its checksum decides) or a failed row: not known, Flyway decides.
     */
    boolean holdsEveryMigration(Connection connection, String schema, ClassLoader classLoader) throws SQLException {
        if (!exists(connection, schema, HISTORY_TABLE)) {
            return false;
        }
        Set<String> carried = new HashSet<>();
        for (String location : locations) {
            if (!location.startsWith(CLASSPATH)) {
                return false;
            }
            String list = location.substring(CLASSPATH.length()) + "/" + LIST;
            try (InputStream in = classLoader.getResourceAsStream(list)) {
                if (in == null) {
                    return false;
                }
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String[] hashAndName = line.trim().split("\\s+\\*?", 2);
                    if (line.isBlank() || line.startsWith("#") || hashAndName.length < 2) {
                        continue;
                    }
                    String name = hashAndName[1];
                    int end = name.indexOf("__");
                    if (!name.startsWith("V") || end < 2) {
                        return false;
                    }
                    carried.add(name.substring(1, end).replace('_', '.'));
                }
            } catch (IOException e) {
                return false;
            }
        }
        Set<String> applied = new HashSet<>();
        try (Statement s = connection.createStatement();
                ResultSet rs =
                        s.executeQuery("select version, success from " + quote(schema) + "." + quote(HISTORY_TABLE))) {
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return false;
                }
                applied.add(rs.getString(1));
            }
        }
        return !carried.isEmpty() && applied.containsAll(carried);
    }

    /** The rows of chassis migrations applied while they shared the service's history. */
    private static void moveFromServiceHistory(
            Connection connection, Flyway chassis, String schema, String serviceTable) throws SQLException {
        // by version: Quarkus records a script with its location's path (db/migration/V0_1__...), plain Flyway without
        List<String> versions = Arrays.stream(chassis.info().all())
                .filter(migration ->
                        migration.getVersion() != null && !migration.getType().isBaseline())
                .map(migration -> migration.getVersion().getVersion())
                .toList();
        String from = quote(schema) + "." + quote(serviceTable);
        String to = quote(schema) + "." + quote(HISTORY_TABLE);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Array chassisVersions = connection.createArrayOf("varchar", versions.toArray());
            try (PreparedStatement copy = connection.prepareStatement("insert into " + to
                            + " (installed_rank, version, description, type, script, checksum, installed_by, installed_on,"
                            + " execution_time, success)"
                            + " select (select max(installed_rank) from " + to
                            + ") + row_number() over (order by installed_rank),"
                            + " version, description, type, script, checksum, installed_by, installed_on, execution_time, success"
                            + " from " + from + " where version = any(?)");
                    PreparedStatement remove =
                            connection.prepareStatement("delete from " + from + " where version = any(?)")) {
                copy.setArray(1, chassisVersions);
                copy.executeUpdate();
                remove.setArray(1, chassisVersions);
                remove.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String currentSchema(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select current_schema()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean exists(Connection connection, String schema, String table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "select 1 from information_schema.tables where table_schema = ? and table_name = ?")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
