package org.assistance.testsupport;

/** The PostgreSQL already running on the machine (127.0.0.1:5432, user postgres by default). */
final class LocalPostgres extends PostgresServer {
    static final String HOST = System.getProperty("assistance.test.postgres.host", "127.0.0.1");
    static final int PORT = Integer.getInteger("assistance.test.postgres.port", 5432);
    static final String USER = System.getProperty("assistance.test.postgres.user", "postgres");
    static final String PASSWORD = System.getProperty("assistance.test.postgres.password", "");

    static boolean answers() {
        return answers(HOST, PORT, USER, PASSWORD);
    }

    @Override
    public String kind() {
        return "local PostgreSQL at " + HOST + ":" + PORT;
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public int port() {
        return PORT;
    }

    @Override
    public String username() {
        return USER;
    }

    @Override
    public String password() {
        return PASSWORD;
    }
}
