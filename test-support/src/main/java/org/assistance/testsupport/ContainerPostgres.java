package org.assistance.testsupport;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL 15 in a container where a Docker engine runs. */
final class ContainerPostgres extends PostgresServer {
    private final PostgreSQLContainer container;

    ContainerPostgres() {
        container = new PostgreSQLContainer("postgres:15-alpine");
        container.start();
    }

    @Override
    public String kind() {
        return "Testcontainers PostgreSQL (postgres:15-alpine)";
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(5432);
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    void close() {
        container.stop();
    }
}
