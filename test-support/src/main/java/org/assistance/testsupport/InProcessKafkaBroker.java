package org.assistance.testsupport;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import kafka.server.BrokerServer;
import org.apache.kafka.common.message.AlterUserScramCredentialsRequestData;
import org.apache.kafka.common.message.AlterUserScramCredentialsRequestData.ScramCredentialUpsertion;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.security.auth.KafkaPrincipal;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.controller.ControllerRequestContext;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;

/**
 * A single-node KRaft broker (combined broker and controller) inside the test JVM, built with
 * Kafka's own cluster test kit: no Docker, no fake. Stopping it shuts the broker down for real;
 * the test kit keeps its listener port so clients reconnect to the same address.
 * Secured as in production: clients authenticate with SCRAM-SHA-512 (SASL_PLAINTEXT) and the
 * StandardAuthorizer allows each service only its ACLs ({@link BrokerUsers}); the controller
 * listener takes the admin with PLAIN (SCRAM credentials live in the metadata the controller serves).
 */
final class InProcessKafkaBroker implements KafkaBroker {
    private final KafkaClusterTestKit cluster;
    private final BrokerUsers users = new BrokerUsers();

    InProcessKafkaBroker() {
        String admin = BrokerUsers.ADMIN;
        String password = users.password(admin);
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    // under target/, so whatever a killed test JVM leaves behind goes with 'mvn clean'
                    .setBaseDirectory(java.nio.file.Files.createDirectories(java.nio.file.Path.of(
                            "target",
                            "kafka-test-broker-" + ProcessHandle.current().pid())))
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                    .setControllerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
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
                    // clients: SCRAM only; the broker's own connections log in as the admin
                    .setConfigProp("sasl.enabled.mechanisms", BrokerUsers.MECHANISM)
                    .setConfigProp("sasl.mechanism.inter.broker.protocol", BrokerUsers.MECHANISM)
                    .setConfigProp(
                            "listener.name.external.scram-sha-512.sasl.jaas.config", BrokerUsers.jaas(admin, password))
                    .setConfigProp("listener.name.controller.sasl.enabled.mechanisms", "PLAIN")
                    .setConfigProp("sasl.mechanism.controller.protocol", "PLAIN")
                    .setConfigProp(
                            "listener.name.controller.plain.sasl.jaas.config",
                            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + admin
                                    + "\" password=\"" + password + "\" user_" + admin + "=\"" + password + "\";")
                    .setConfigProp("authorizer.class.name", StandardAuthorizer.class.getName())
                    .setConfigProp("super.users", "User:" + admin)
                    .setConfigProp("allow.everyone.if.no.acl.found", "false")
                    .build();
            cluster.format();
            cluster.startup();
            addAdminCredential(admin, password);
            cluster.waitForReadyBrokers();
            users.createServiceUsers(bootstrapServers());
        } catch (Exception e) {
            throw new IllegalStateException("The in-process Kafka broker did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public Map<String, String> clientSettings(String user) {
        return users.clientSettings(bootstrapServers(), user);
    }

    /**
     * The admin's SCRAM credential, written through the controller itself (what
     * {@code kafka-storage format --add-scram} does for a real deployment): no client can log in
     * before some SCRAM credential exists.
     */
    private void addAdminCredential(String admin, String password) throws Exception {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        byte[] salted = new ScramFormatter(
                        org.apache.kafka.common.security.scram.internals.ScramMechanism.SCRAM_SHA_512)
                .saltedPassword(password, salt, BrokerUsers.ITERATIONS);
        AlterUserScramCredentialsRequestData request = new AlterUserScramCredentialsRequestData()
                .setUpsertions(List.of(new ScramCredentialUpsertion()
                        .setName(admin)
                        .setMechanism(org.apache.kafka.clients.admin.ScramMechanism.SCRAM_SHA_512.type())
                        .setIterations(BrokerUsers.ITERATIONS)
                        .setSalt(salt)
                        .setSaltedPassword(salted)))
                .setDeletions(List.of());
        ControllerRequestContext context = new ControllerRequestContext(
                new RequestHeaderData().setRequestApiKey(ApiKeys.ALTER_USER_SCRAM_CREDENTIALS.id),
                new KafkaPrincipal(KafkaPrincipal.USER_TYPE, admin),
                OptionalLong.empty());
        var response = cluster.waitForActiveController()
                .alterUserScramCredentials(context, request)
                .get(30, TimeUnit.SECONDS);
        response.results().forEach(result -> {
            if (result.errorCode() != 0) {
                throw new IllegalStateException("The admin's SCRAM credential was refused: " + result.errorMessage());
            }
        });
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
