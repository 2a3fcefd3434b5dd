package org.assistance.testsupport;

/**
 * A real Apache Kafka broker for tests, one per test JVM: a Testcontainers broker where Docker
 * runs, otherwise a KRaft broker started inside the test JVM from Apache Kafka's own jars.
 */
public interface KafkaBroker {

    String bootstrapServers();

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
