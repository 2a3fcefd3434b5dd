package org.assistance.topology;

/**
 * One of the platform's services: its number gives its ports (8080 + number, management 9000 +
 * number), its database holds what it owns.
 */
public record Service(String name, int number, String database) {

    /** Its database under a platform's prefix (ASSISTANCE_DATABASE_PREFIX), e.g. {@code bench_requests}. */
    public String database(String prefix) {
        return (prefix == null ? "" : prefix) + database;
    }
}
