package org.assistance.testsupport;

import org.testcontainers.kafka.KafkaContainer;

/**
 * The broker where a Docker engine runs: Apache Kafka's own 4.1.2 image, secured like the
 * in-process broker: the listener mapped to the host (Testcontainers' PLAINTEXT listener name)
 * takes SCRAM-SHA-512 only, the StandardAuthorizer allows each service its ACLs. The admin's
 * credential is added from inside the container, over the broker listener that is not mapped
 * to the host (its anonymous principal is a super user there only).
 */
final class ContainerKafkaBroker implements KafkaBroker {
    private final KafkaContainer container;
    private final BrokerUsers users = new BrokerUsers();

    ContainerKafkaBroker() {
        String admin = BrokerUsers.ADMIN;
        String password = users.password(admin);
        container = new KafkaContainer("apache/kafka:4.1.2")
                .withEnv("KAFKA_NUM_PARTITIONS", "6")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv(
                        "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP",
                        "PLAINTEXT:SASL_PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT")
                .withEnv("KAFKA_SASL_ENABLED_MECHANISMS", BrokerUsers.MECHANISM)
                // the image turns ___ into - and _ into .: listener.name.plaintext.scram-sha-512.sasl.jaas.config
                .withEnv(
                        "KAFKA_LISTENER_NAME_PLAINTEXT_SCRAM___SHA___512_SASL_JAAS_CONFIG",
                        BrokerUsers.jaas(admin, password))
                .withEnv("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .withEnv("KAFKA_SUPER_USERS", "User:" + admin + ";User:ANONYMOUS")
                .withEnv("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false");
        container.start();
        try {
            var added = container.execInContainer(
                    "/opt/kafka/bin/kafka-configs.sh",
                    "--bootstrap-server",
                    "localhost:9093",
                    "--alter",
                    "--entity-type",
                    "users",
                    "--entity-name",
                    admin,
                    "--add-config",
                    BrokerUsers.MECHANISM + "=[iterations=" + BrokerUsers.ITERATIONS + ",password=" + password + "]");
            if (added.getExitCode() != 0) {
                throw new IllegalStateException("kafka-configs refused the admin's credential: " + added.getStderr());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not add the admin's credential: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        users.createServiceUsers(bootstrapServers());
    }

    @Override
    public java.util.Map<String, String> clientSettings(String user) {
        return users.clientSettings(bootstrapServers(), user);
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
        container
                .getDockerClient()
                .pauseContainerCmd(container.getContainerId())
                .exec();
    }

    @Override
    public void start() {
        container
                .getDockerClient()
                .unpauseContainerCmd(container.getContainerId())
                .exec();
    }

    void close() {
        container.stop();
    }
}
