package org.assistance.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.topics.KafkaAccess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploy/compose/compose.yml: the platform on one machine with Docker, as Kubernetes runs it. */
class ComposeTest {
    static final String COMPOSE = "deploy/compose/compose.yml";
    static JsonNode compose;
    static KubernetesManifests manifests;

    @BeforeAll
    static void load() {
        compose = Yaml.document(Repository.file(COMPOSE));
        manifests = KubernetesManifests.load();
    }

    /** compose.yml as Docker Compose reads it without any variable set: ${NAME:-default} becomes default. */
    static String withDefaults(String value) {
        Matcher m = Pattern.compile("\\$\\{[A-Z0-9_]+:-([^}]*)}").matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(resolved, Matcher.quoteReplacement(m.group(1)));
        }
        return m.appendTail(resolved).toString();
    }

    static JsonNode service(String name) {
        JsonNode service = compose.path("services").path(name);
        assertThat(service.isObject()).as("service %s in %s", name, COMPOSE).isTrue();
        return service;
    }

    @Test
    void compose_runs_the_same_service_images_as_kubernetes() {
        for (PlatformService service : PlatformService.all()) {
            assertThat(withDefaults(service(service.name()).path("image").asText()))
                    .as("image of %s in %s", service.name(), COMPOSE)
                    .isEqualTo(manifests.container(service.name()).path("image").asText())
                    .isEqualTo(service.image());
        }
    }

    @Test
    void compose_publishes_each_service_on_its_own_port_and_checks_its_readiness_on_the_management_port() {
        for (PlatformService service : PlatformService.all()) {
            JsonNode entry = service(service.name());
            String port = String.valueOf(service.httpPort());
            // the management port (health, metrics) stays inside the container's network
            assertThat(texts(entry.path("ports")))
                    .as("ports of %s", service.name())
                    .containsExactly(port + ":" + port);
            assertThat(String.join(" ", texts(entry.path("healthcheck").path("test"))))
                    .as("health check of %s", service.name())
                    .contains("/" + service.managementPort() + " ")
                    .contains("/q/health/ready");
        }
    }

    @Test
    void compose_starts_each_service_once_kafka_and_postgres_are_healthy() {
        for (PlatformService service : PlatformService.all()) {
            JsonNode dependsOn = service(service.name()).path("depends_on");
            for (String dependency : List.of("kafka", "postgres")) {
                assertThat(dependsOn.path(dependency).path("condition").asText())
                        .as("%s waits for %s", service.name(), dependency)
                        .isEqualTo("service_healthy");
                assertThat(service(dependency).path("healthcheck").path("test").isMissingNode())
                        .as("health check of %s", dependency)
                        .isFalse();
            }
        }
    }

    @Test
    void compose_creates_every_topic_and_its_dead_letter_topic_as_the_chassis_configures_it_before_any_service_starts()
            throws IOException {
        JsonNode topics = service("topics");
        assertThat(topics.path("depends_on").path("kafka").path("condition").asText())
                .as("topics waits for kafka")
                .isEqualTo("service_healthy");
        for (PlatformService service : PlatformService.all()) {
            assertThat(service(service.name())
                            .path("depends_on")
                            .path("topics")
                            .path("condition")
                            .asText())
                    .as("%s waits until the topics are created", service.name())
                    .isEqualTo("service_completed_successfully");
        }
        Map<String, Map<String, String>> created = CreatedTopics.read(topicScript(topics));
        Set<String> expected = new TreeSet<>();
        Topics.ALL.forEach(topic -> expected.addAll(List.of(topic, Topics.deadLetters(topic))));
        assertThat(created.keySet())
                .as("topics created by the topics service of %s", COMPOSE)
                .containsExactlyInAnyOrderElementsOf(expected);
        // Topics.config is the one source: retention.ms and retention.bytes -1, the catalogue compacted
        created.forEach((topic, config) ->
                assertThat(config).as("configuration of %s in compose", topic).isEqualTo(Topics.config(topic)));
        assertThat(created.get(Topics.CATALOGUE)).containsEntry("cleanup.policy", "compact");
        assertThat(Files.readString(topicScript(topics)))
                .as("partitions of the topics created in compose")
                .containsPattern("(?m)^PARTITIONS=" + Topics.PARTITIONS + "$");
    }

    @Test
    void compose_kafka_keeps_a_topic_created_any_other_way_for_ever_too() {
        JsonNode environment = service("kafka").path("environment");
        assertThat(environment.path("KAFKA_LOG_RETENTION_MS").asText())
                .as("broker default retention.ms")
                .isEqualTo("-1");
        assertThat(environment.path("KAFKA_LOG_RETENTION_BYTES").asText())
                .as("broker default retention.bytes")
                .isEqualTo("-1");
    }

    /** The script the topics service runs: its entrypoint names a file mounted from deploy/compose. */
    private static Path topicScript(JsonNode topics) {
        String entrypoint = String.join(" ", texts(topics.path("entrypoint")));
        for (String volume : texts(topics.path("volumes"))) {
            String[] parts = volume.split(":");
            if (parts.length >= 2 && entrypoint.contains(parts[1])) {
                Path script =
                        Repository.file("deploy/compose").resolve(parts[0]).normalize();
                assertThat(script).as("the script the topics service runs").isRegularFile();
                return script;
            }
        }
        throw new AssertionError(
                "the topics service of " + COMPOSE + " runs no script mounted from deploy/compose: " + entrypoint);
    }

    @Test
    void compose_runs_kafka_4_1_2_in_kraft_mode_and_postgresql_15_with_each_service_database() throws IOException {
        JsonNode kafka = service("kafka");
        assertThat(kafka.path("image").asText()).isEqualTo("apache/kafka:4.1.2");
        assertThat(kafka.path("environment").path("KAFKA_PROCESS_ROLES").asText())
                .contains("broker")
                .contains("controller");
        assertThat(service("postgres").path("image").asText()).matches("postgres:15([.-].*)?");

        String initScripts = String.join(" ", texts(service("postgres").path("volumes")));
        Matcher mount =
                Pattern.compile("(\\./[^:]+):/docker-entrypoint-initdb\\.d/").matcher(initScripts);
        assertThat(mount.find()).as("an init script mounted into postgres").isTrue();
        String script = Files.readString(
                Repository.file("deploy/compose").resolve(mount.group(1)).normalize());
        String bootstrap =
                kafka.path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText();
        for (PlatformService service : PlatformService.all()) {
            assertThat(script)
                    .as("the init script creates %s", service.database())
                    .containsPattern("(?i)CREATE DATABASE\\s+" + service.database() + "\\s*;");
            JsonNode environment = service(service.name()).path("environment");
            assertThat(environment.path("QUARKUS_DATASOURCE_JDBC_URL").asText())
                    .as("JDBC URL of %s", service.name())
                    .isEqualTo("jdbc:postgresql://postgres:5432/" + service.database());
            assertThat(bootstrap)
                    .as("a listener of kafka for %s", service.name())
                    .contains("//" + environment.path("KAFKA_BOOTSTRAP_SERVERS").asText());
        }
    }

    @Test
    void compose_keeps_no_key_or_password_and_mounts_the_generated_jwks() throws IOException {
        assertThat(service("postgres")
                        .path("environment")
                        .path("POSTGRES_PASSWORD")
                        .asText())
                .startsWith("${");
        for (PlatformService service : PlatformService.all()) {
            JsonNode entry = service(service.name());
            assertThat(entry.path("environment")
                            .path("QUARKUS_DATASOURCE_PASSWORD")
                            .asText())
                    .as("password of %s", service.name())
                    .startsWith("${");
            String location = entry.path("environment")
                    .path("MP_JWT_VERIFY_PUBLICKEY_LOCATION")
                    .asText();
            assertThat(location).startsWith("file:");
            assertThat(texts(entry.path("volumes")))
                    .as("JWKS mount of %s", service.name())
                    .contains("./.state/jwt/jwks.json:" + location.substring("file:".length()) + ":ro");
        }
        // deploy/compose/up generates the key pair and the password there; git must never take them
        assertThat(Files.readAllLines(Repository.file("deploy/compose/.gitignore")))
                .contains(".state/");
    }

    @Test
    void
            compose_kafka_asks_every_client_to_log_in_and_each_service_logs_in_as_itself_with_the_acls_the_chassis_derives()
                    throws IOException {
        JsonNode kafka = service("kafka").path("environment");
        assertThat(kafka.path("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").asText().split(","))
                .as("every listener of kafka asks for a login")
                .allMatch(listener -> listener.endsWith(":SASL_PLAINTEXT"));
        assertThat(kafka.path("KAFKA_SASL_ENABLED_MECHANISMS").asText()).isEqualTo(KafkaAccess.MECHANISM);
        assertThat(kafka.path("KAFKA_AUTHORIZER_CLASS_NAME").asText())
                .isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        assertThat(kafka.path("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND").asText()).isEqualTo("false");
        for (PlatformService service : PlatformService.all()) {
            JsonNode environment = service(service.name()).path("environment");
            assertThat(environment.path("KAFKA_SECURITY_PROTOCOL").asText())
                    .as("%s", service.name())
                    .isEqualTo("SASL_PLAINTEXT");
            assertThat(environment.path("KAFKA_SASL_MECHANISM").asText())
                    .as("%s", service.name())
                    .isEqualTo(KafkaAccess.MECHANISM);
            assertThat(environment.path("KAFKA_SASL_JAAS_CONFIG").asText())
                    .as("Kafka login of %s", service.name())
                    .contains("username=\"" + service.name() + "\"")
                    .containsPattern("password=\"\\$\\{ASSISTANCE_KAFKA_[A-Z_]+_PASSWORD:\\?[^}]*}\";$");
        }
        Set<String> listed = new TreeSet<>();
        boolean inside = false;
        for (String line : Files.readAllLines(topicScript(service("topics")))) {
            if (line.endsWith("<<ACLS")) {
                inside = true;
            } else if (line.equals("ACLS")) {
                inside = false;
            } else if (inside && !line.isBlank()) {
                String[] parts = line.trim().split("\\s+");
                for (String operation : parts[3].split(",")) {
                    listed.add(parts[0] + " " + parts[1] + " " + parts[2] + " "
                            + operation.toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        Set<String> derived = new TreeSet<>();
        for (String service : Topics.SERVICES) {
            for (KafkaAccess.Grant grant : KafkaAccess.grants(service)) {
                grant.operations()
                        .forEach(operation -> derived.add(service + " "
                                + grant.type().name().toLowerCase(java.util.Locale.ROOT) + " " + grant.name() + " "
                                + operation.name().replace("_", "").toLowerCase(java.util.Locale.ROOT)));
            }
        }
        assertThat(listed)
                .as("ACLs the topics service of %s sets, against the chassis' KafkaAccess", COMPOSE)
                .isEqualTo(derived);
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
