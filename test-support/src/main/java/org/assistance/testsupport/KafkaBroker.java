package org.assistance.testsupport;

/**
 * A real Apache Kafka broker for tests, one per test JVM: a Testcontainers broker where Docker
 * runs, otherwise a KRaft broker started inside the test JVM from Apache Kafka's own jars.
 */
public interface KafkaBroker {
    /** The operator's Kafka user (super user): what test code uses to publish as any service and read anything. */
    String ADMIN = "admin";

    String bootstrapServers();

    /**
     * A client's connection settings logged in as the user (SASL_PLAINTEXT, SCRAM-SHA-512):
     * {@link #ADMIN} or a platform service (e.g. {@code program-service}), whose user has only
     * that service's ACLs. Keys are Kafka client settings ({@code bootstrap.servers},
     * {@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}).
     */
    java.util.Map<String, String> clientSettings(String user);

    /** The admin's client settings. */
    default java.util.Map<String, String> adminSettings() {
        return clientSettings(ADMIN);
    }

    /** Which path this run took, for logs and for the test that proves the fallback. */
    String kind();

    /** Makes the broker unreachable (as a crash or an outage would) until {@link #start()}. */
    void stop();

    /** Brings a stopped broker back on the same address with the same data. */
    void start();

    static KafkaBroker shared() {
        return SharedInfrastructure.kafka();
    }
}
