package org.assistance.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.topics.KafkaAccess;
import org.assistance.testsupport.KafkaBroker;
import org.junit.jupiter.api.Test;

/**
 * The local launcher's topics (deploy/local/platform): the program it runs before the services
 * start (deploy/local/PlatformTopics.java), run here as the launcher runs it, against a real broker.
 */
class LauncherTopicsTest {
    static final String LAUNCHER = "deploy/local/platform";
    static final String PROGRAM = "deploy/local/PlatformTopics.java";

    static List<String> platformTopics() {
        List<String> names = new ArrayList<>();
        Topics.ALL.forEach(topic -> names.addAll(List.of(topic, Topics.deadLetters(topic))));
        return names;
    }

    @Test
    void
            the_launcher_creates_every_topic_kept_for_ever_and_gives_a_topic_of_an_older_state_folder_the_same_configuration()
                    throws Exception {
        String bootstrap = KafkaBroker.shared().bootstrapServers();
        Path credentials = credentialsAsTheLauncherKeepsThem();
        try (Admin admin =
                Admin.create(Map.<String, Object>copyOf(KafkaBroker.shared().adminSettings()))) {
            // a state folder from before history was kept: the requests topic with a week's retention
            admin.createTopics(List.of(new NewTopic(Topics.REQUESTS, Topics.PARTITIONS, (short) 1)
                            .configs(Map.of("retention.ms", "604800000", "retention.bytes", "1073741824"))))
                    .all()
                    .get(30, TimeUnit.SECONDS);

            Process launcherStep = new ProcessBuilder(
                            javaCommand(),
                            "-cp",
                            classPathOf(Admin.class, Topics.class, org.slf4j.LoggerFactory.class),
                            Repository.file(PROGRAM).toString(),
                            bootstrap,
                            "1",
                            credentials.toString())
                    .redirectErrorStream(true)
                    .start();
            assertThat(launcherStep.waitFor(120, TimeUnit.SECONDS))
                    .as("%s ends", PROGRAM)
                    .isTrue();
            String output = new String(launcherStep.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(launcherStep.exitValue())
                    .as("exit code of %s, which printed:%n%s", PROGRAM, output)
                    .isZero();

            List<ConfigResource> resources = platformTopics().stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                    .toList();
            Map<ConfigResource, Config> configs =
                    admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            for (ConfigResource resource : resources) {
                // Topics.config is the one source: retention.ms and retention.bytes -1, the catalogue compacted
                Topics.config(resource.name())
                        .forEach((name, value) -> assertThat(
                                        configs.get(resource).get(name).value())
                                .as("%s of %s as the broker reports it", name, resource.name())
                                .isEqualTo(value));
                assertThat(output)
                        .as("what %s printed", PROGRAM)
                        .contains(resource.name() + " retention.ms=-1 retention.bytes=-1");
            }
            assertThat(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, Topics.CATALOGUE))
                            .get("cleanup.policy")
                            .value())
                    .isEqualTo("compact");
            Map<String, TopicDescription> described =
                    admin.describeTopics(platformTopics()).allTopicNames().get(30, TimeUnit.SECONDS);
            described.forEach((name, topic) ->
                    assertThat(topic.partitions()).as("partitions of %s", name).hasSize(Topics.PARTITIONS));

            // each service's Kafka user has exactly the ACLs the chassis derives (as the Strimzi KafkaUsers)
            for (String service : Topics.SERVICES) {
                assertThat(admin.describeAcls(new AclBindingFilter(
                                        ResourcePatternFilter.ANY,
                                        new AccessControlEntryFilter(
                                                "User:" + service, null, AclOperation.ANY, AclPermissionType.ANY)))
                                .values()
                                .get(30, TimeUnit.SECONDS))
                        .as("ACLs of %s after %s", service, PROGRAM)
                        .containsExactlyInAnyOrderElementsOf(KafkaAccess.bindings(service));
                assertThat(output)
                        .contains("kafka user " + service + ": "
                                + KafkaAccess.bindings(service).size() + " ACLs");
            }
        }
    }

    @Test
    void the_launchers_brokers_ask_every_client_to_log_in_and_apply_acls_and_its_services_log_in_as_themselves()
            throws Exception {
        String launcher = launcher();
        assertThat(launcher)
                .containsPattern(
                        "(?m)^listener\\.security\\.protocol\\.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT$")
                .containsPattern("(?m)^sasl\\.enabled\\.mechanisms=SCRAM-SHA-512$")
                .containsPattern(
                        "(?m)^authorizer\\.class\\.name=org\\.apache\\.kafka\\.metadata\\.authorizer\\.StandardAuthorizer$")
                .containsPattern("(?m)^allow\\.everyone\\.if\\.no\\.acl\\.found=false$")
                .contains("--add-scram")
                .contains("KAFKA_SASL_JAAS_CONFIG=\"$(kafka_jaas \"$s\")\"")
                // the replication factor is the topology's (org.assistance.topology.Topology.replicationFactor: up to
                // 3)
                .containsPattern(
                        "\"\\$HERE/PlatformTopics\\.java\" \"\\$\\(bootstrap_servers\\)\" \"(\\$REPLICATION_FACTOR|\\$\\(\\(BROKERS < 3 \\? BROKERS : 3\\)\\))\" \"\\$\\(kafka_credentials\\)\"");
        // made up at the first start, in the state folder: no password is kept in the repository
        assertThat(launcher).contains("/dev/urandom").doesNotContainPattern("password=[A-Za-z0-9]{8,}");
    }

    /** The launcher's text: the script and the parts it sources (deploy/local/lib/*.sh), the script first. */
    static String launcher() throws IOException {
        StringBuilder text = new StringBuilder(Files.readString(Repository.file(LAUNCHER)));
        Path parts = Repository.file("deploy/local/lib");
        if (Files.isDirectory(parts)) {
            try (Stream<Path> files = Files.list(parts)) {
                for (Path part :
                        files.filter(f -> f.toString().endsWith(".sh")).sorted().toList()) {
                    text.append('\n').append(Files.readString(part));
                }
            }
        }
        return text.toString();
    }

    /** A credentials folder as `up` writes it: the admin's password and each service's, those of the test broker. */
    private static Path credentialsAsTheLauncherKeepsThem() throws Exception {
        Path folder = Files.createTempDirectory("kafka-credentials");
        for (String user : Stream.concat(Stream.of(KafkaBroker.ADMIN), Topics.SERVICES.stream())
                .toList()) {
            Matcher password = Pattern.compile("password=\"([^\"]*)\"")
                    .matcher(KafkaBroker.shared().clientSettings(user).get("sasl.jaas.config"));
            assertThat(password.find()).isTrue();
            Files.writeString(folder.resolve(user + ".password"), password.group(1) + "\n");
        }
        return folder;
    }

    @Test
    void the_launcher_creates_the_topics_before_the_services_and_its_brokers_keep_any_other_topic_for_ever()
            throws Exception {
        String launcher = launcher();
        // in every broker's server.properties: a topic appearing any other way keeps its events too
        assertThat(launcher)
                .containsPattern("(?m)^log\\.retention\\.ms=-1$")
                .containsPattern("(?m)^log\\.retention\\.bytes=-1$");
        assertThat(launcher).contains("\"$HERE/PlatformTopics.java\"");
        String up = launcher.substring(launcher.indexOf("cmd_up() {"));
        assertThat(up.indexOf("ensure_topics"))
                .as("up creates the topics")
                .isPositive()
                .isGreaterThan(up.indexOf("start_kafka"))
                .isLessThan(up.indexOf("start_services"));
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The jars (or class folders) of these classes: Kafka's client and the chassis, as the launcher puts them. */
    private static String classPathOf(Class<?>... classes) {
        return Stream.of(classes)
                .map(type -> {
                    try {
                        return Path.of(type.getProtectionDomain()
                                        .getCodeSource()
                                        .getLocation()
                                        .toURI())
                                .toString();
                    } catch (Exception e) {
                        throw new IllegalStateException("no location for " + type, e);
                    }
                })
                .distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }
}
