package org.assistance.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assistance.topology.Service;
import org.assistance.topology.Topology;

/**
 * The machine's PostgreSQL as the figures met it: the settings that move them (kept with the
 * results), and the VACUUM ANALYZE a real deployment's autovacuum would have run.
 */
final class PostgresSettings {
    /** The `show all` subset that matters for these figures. */
    static final List<String> NAMES = List.of(
            "server_version",
            "autovacuum",
            "jit",
            "shared_buffers",
            "effective_cache_size",
            "work_mem",
            "maintenance_work_mem",
            "synchronous_commit",
            "fsync",
            "full_page_writes",
            "wal_level",
            "wal_buffers",
            "commit_delay",
            "max_wal_size",
            "checkpoint_timeout",
            "max_connections",
            "random_page_cost",
            "track_io_timing");

    private final Platform platform;

    PostgresSettings(Platform platform) {
        this.platform = platform;
    }

    /** Each setting as `show` prints it. */
    Map<String, String> read() throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl("postgres"), "postgres", "")) {
            for (String name : NAMES) {
                try (PreparedStatement show = c.prepareStatement("select current_setting(?, true)")) {
                    show.setString(1, name);
                    try (ResultSet r = show.executeQuery()) {
                        r.next();
                        settings.put(name, r.getString(1));
                    }
                }
            }
        }
        return settings;
    }

    /**
     * VACUUM ANALYZE of these services' databases: where a deployment's autovacuum
     * (off on this machine) would have updated the planner's statistics after a large load.
     * Answers the seconds it took.
     */
    double vacuumAnalyze(List<String> services) throws Exception {
        long begin = System.nanoTime();
        for (Service service : Topology.SERVICES) {
            if (!services.contains(service.name())) {
                continue;
            }
            try (Connection c = DriverManager.getConnection(
                            platform.jdbcUrl(service.database(platform.databasePrefix)), "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("vacuum analyze");
            }
        }
        return (System.nanoTime() - begin) / 1e9;
    }
}
