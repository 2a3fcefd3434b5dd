package org.assistance.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/** PostgreSQL binaries from Maven Central, started in a temporary folder for this test JVM. */
final class EmbeddedPostgresServer extends PostgresServer {
    private final EmbeddedPostgres postgres;

    EmbeddedPostgresServer() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "No PostgreSQL answers at " + LocalPostgres.HOST + ":" + LocalPostgres.PORT
                            + " and the embedded PostgreSQL could not start (" + e.getMessage()
                            + "). Start PostgreSQL locally or pass -Dassistance.test.postgres.host/port.",
                    e);
        }
    }

    @Override
    public String kind() {
        return "embedded PostgreSQL (zonky, port " + port() + ")";
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public String username() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }

    void close() {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is ending
        }
    }
}
