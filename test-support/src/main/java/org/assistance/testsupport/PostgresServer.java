package org.assistance.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A real PostgreSQL for tests: a Testcontainers one where Docker runs; otherwise the one
 * answering at 127.0.0.1:5432 (as on our machines and CI); otherwise an embedded PostgreSQL
 * from Maven Central. Each test run gets freshly created, uniquely named databases.
 */
public abstract class PostgresServer {

    public static PostgresServer shared() {
        return SharedInfrastructure.postgres();
    }

    public abstract String kind();

    public abstract String host();

    public abstract int port();

    public abstract String username();

    public abstract String password();

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** Creates a database no earlier run has seen, e.g. {@code requests_t20261128_132201_4f2a}. */
    public String createFreshDatabase(String prefix) {
        String name = prefix.toLowerCase(Locale.ROOT) + "_t"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
                + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        execute("CREATE DATABASE " + name);
        SharedInfrastructure.atExit(() -> dropDatabase(name));
        return name;
    }

    public void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + host() + ":" + port() + " refused '" + sql + "': " + e.getMessage(), e);
        }
    }

    static boolean answers(String host, int port, String user, String password) {
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(
                "jdbc:postgresql://" + host + ":" + port + "/postgres?connectTimeout=3", user, password)) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }
}
