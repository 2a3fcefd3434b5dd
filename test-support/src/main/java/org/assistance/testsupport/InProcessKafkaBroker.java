package org.assistance.testsupport;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import kafka.server.BrokerServer;

/**
 * A single-node KRaft broker (combined broker and controller) inside the test JVM, built with
 * Kafka's own cluster test kit: no Docker, no fake. Stopping it shuts the broker down for real;
 * the test kit keeps its listener port so clients reconnect to the same address.
 */
final class InProcessKafkaBroker implements KafkaBroker {
    private final KafkaClusterTestKit cluster;

    InProcessKafkaBroker() {
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    // under target/, so whatever a killed test JVM leaves behind goes with 'mvn clean'
                    .setBaseDirectory(java.nio.file.Files.createDirectories(
                            java.nio.file.Path.of("target", "kafka-test-broker-" + ProcessHandle.current().pid())))
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            cluster = new KafkaClusterTestKit.Builder(nodes)
                    // topics that appear by accident have the platform's shape
                    .setConfigProp("num.partitions", "6")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("offsets.topic.num.partitions", "6")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("The in-process Kafka broker did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public String kind() {
        return "in-process KRaft broker (Apache Kafka test kit, no Docker)";
    }

    @Override
    public void stop() {
        broker().shutdown();
        broker().awaitShutdown();
    }

    @Override
    public void start() {
        broker().startup();
        try {
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("The in-process Kafka broker did not come back: " + e.getMessage(), e);
        }
    }

    private BrokerServer broker() {
        return cluster.brokers().values().iterator().next();
    }
}
