package org.assistance.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives the service under test a real Kafka broker, its own fresh PostgreSQL database and the
 * JWKS of {@link Tokens}' identity provider. Use as
 * {@code @WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))}
 * (or through a meta-annotation of the service). The broker and the database are created once
 * per test JVM, so an application restart (another test profile) finds its rows again.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {
    /** The Kafka user of the service that keeps its data in the database of this prefix. */
    private static final Map<String, String> KAFKA_USERS = Map.of(
            "requests",
            "request-service",
            "programs",
            "program-service",
            "equipment",
            "equipment-service",
            "reporting",
            "reporting-service");

    private String databasePrefix = "service";

    @Override
    public void init(Map<String, String> initArgs) {
        databasePrefix = initArgs.getOrDefault("database", databasePrefix);
    }

    @Override
    public Map<String, String> start() {
        KafkaBroker kafka = KafkaBroker.shared();
        PostgresServer postgres = PostgresServer.shared();
        String database = databaseFor(databasePrefix);

        Map<String, String> config = new HashMap<>();
        // the service's own Kafka user (its ACLs only), found by its database; the chassis' stand-in application is the
        // admin
        Map<String, String> client = kafka.clientSettings(KAFKA_USERS.getOrDefault(databasePrefix, KafkaBroker.ADMIN));
        config.put("kafka.bootstrap.servers", client.get("bootstrap.servers"));
        config.put("kafka.security.protocol", client.get("security.protocol"));
        config.put("kafka.sasl.mechanism", client.get("sasl.mechanism"));
        config.put("kafka.sasl.jaas.config", client.get("sasl.jaas.config"));
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", postgres.username());
        config.put("quarkus.datasource.password", postgres.password());
        // keys by kid from a JWKS served in this JVM, read as from a real identity provider; NONE
        // replaces the in-memory key smallrye-jwt makes up in test mode
        config.put("mp.jwt.verify.publickey", "NONE");
        config.put("mp.jwt.verify.publickey.location", Tokens.jwksUrl());
        config.put("mp.jwt.verify.issuer", Tokens.ISSUER);
        config.put("mp.jwt.verify.audiences", Tokens.AUDIENCE);
        // a rotated key is fetched on its first token, however recently another test fetched the JWKS
        config.put("smallrye.jwt.jwks.forced-refresh-interval", "0");
        return config;
    }

    /**
     * The database this test JVM uses for the given prefix, created on first use. Remembered in
     * a system property, which every class loader of the JVM sees alike.
     */
    public static String databaseFor(String prefix) {
        String key = "assistance.test.database." + prefix;
        synchronized (System.getProperties()) {
            String name = System.getProperty(key);
            if (name == null) {
                name = PostgresServer.shared().createFreshDatabase(prefix);
                System.setProperty(key, name);
            }
            return name;
        }
    }

    @Override
    public void stop() {
        // the broker and databases live as long as the test JVM
    }
}
