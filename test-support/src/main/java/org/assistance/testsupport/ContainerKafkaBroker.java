package org.assistance.testsupport;

import org.testcontainers.kafka.KafkaContainer;

/** The broker where a Docker engine runs: Apache Kafka's own 4.1.2 image. */
final class ContainerKafkaBroker implements KafkaBroker {
    private final KafkaContainer container;

    ContainerKafkaBroker() {
        container = new KafkaContainer("apache/kafka:4.1.2")
                .withEnv("KAFKA_NUM_PARTITIONS", "6")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        container.start();
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public String kind() {
        return "Testcontainers broker (apache/kafka:4.1.2)";
    }

    @Override
    public void stop() {
        // pausing keeps the mapped port, so clients come back to the same address
        container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void start() {
        container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
    }

    void close() {
        container.stop();
    }
}
