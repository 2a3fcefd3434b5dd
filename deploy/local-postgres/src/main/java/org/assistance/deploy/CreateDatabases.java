package org.assistance.deploy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Creates the services' databases where they are missing, so the launcher needs no psql.
 * Usage: CreateDatabases HOST PORT USER PASSWORD NAME...
 */
public final class CreateDatabases {
    private CreateDatabases() {}

    public static void main(String[] args) throws Exception {
        String url = "jdbc:postgresql://" + args[0] + ":" + args[1] + "/postgres";
        DriverManager.setLoginTimeout(10);
        try (Connection c = DriverManager.getConnection(url, args[2], args[3]);
                PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            for (int i = 4; i < args.length; i++) {
                exists.setString(1, args[i]);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        try (Statement s = c.createStatement()) {
                            s.execute("create database " + args[i]);
                        }
                        System.out.println("created database " + args[i]);
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            System.err.println("PostgreSQL at " + args[0] + ":" + args[1] + " refused the connection or the "
                    + "database creation: " + e.getMessage());
            System.exit(2);
        }
    }
}
