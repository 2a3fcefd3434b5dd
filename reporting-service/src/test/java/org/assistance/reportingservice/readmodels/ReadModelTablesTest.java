package org.assistance.reportingservice.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A rebuild builds afresh and swaps in exactly the tables of {@link ReadModelTables#ALL}: a
 * read-model table a migration adds but the list forgets would keep its old rows after a rebuild
 * (and lose what live handling wrote meanwhile).
 */
@QuarkusTest
class ReadModelTablesTest {
    /** The chassis' table the read models keep their handled events in: theirs to rebuild, though not created here. */
    private static final String HANDLED_EVENTS = "processed_events";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void the_rebuild_moves_every_table_the_reporting_migrations_create() throws Exception {
        Set<String> created = tablesCreatedByTheMigrations();
        assertThat(created).as("tables the reporting migrations create").isNotEmpty();

        Set<String> rebuilt = new TreeSet<>(ReadModelTables.ALL);
        assertThat(rebuilt).contains(HANDLED_EVENTS);
        rebuilt.remove(HANDLED_EVENTS);
        assertThat(rebuilt)
                .as("ReadModelTables.ALL, without the chassis' processed_events")
                .containsExactlyInAnyOrderElementsOf(created);
        // and each is a table of the running service's schema, where a rebuild finds it
        assertThat(tablesIn("public")).containsAll(ReadModelTables.ALL);
    }

    /**
     * The reporting migrations (the chassis' own live elsewhere) run in a scratch schema, whose
     * tables the database's catalogue then lists.
     */
    private Set<String> tablesCreatedByTheMigrations() throws Exception {
        String scratch =
                "migrations_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<Path> migrations;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            migrations =
                    new ArrayList<>(files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                            .sorted(Comparator.comparingInt(ReadModelTablesTest::version))
                            .toList());
        }
        assertThat(migrations).isNotEmpty();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("create schema " + scratch);
            try {
                s.execute("set search_path to " + scratch);
                for (Path migration : migrations) {
                    s.execute(Files.readString(migration));
                }
                s.execute("reset search_path");
                return tablesIn(scratch);
            } finally {
                s.execute("reset search_path");
                s.execute("drop schema " + scratch + " cascade");
            }
        }
    }

    private Set<String> tablesIn(String schema) throws Exception {
        Set<String> tables = new TreeSet<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select table_name from information_schema.tables where table_schema = '"
                        + schema + "' and table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
