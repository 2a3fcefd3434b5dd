package org.assistance.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.assistance.deploy.manifests.KubernetesManifests.Resource;
import org.junit.jupiter.api.Test;

/**
 * Backups of the CloudNativePG clusters (deploy/k8s/postgres/backups.yml) with the Barman Cloud plugin,
 * the credentials' template and the point-in-time recovery example (deploy/k8s-backup).
 */
class DatabaseBackupsTest {
    static final String PLUGIN = "barman-cloud.cloudnative-pg.io";
    static final Path TEMPLATES = Repository.file("deploy/k8s-backup");

    @Test
    void every_cluster_archives_its_wal_to_an_object_store_of_the_platform_and_is_backed_up_on_a_schedule() {
        KubernetesManifests manifests = KubernetesManifests.load();
        List<Resource> clusters = manifests.ofKind("Cluster");
        assertThat(clusters).hasSize(PlatformService.all().size());
        for (Resource cluster : clusters) {
            JsonNode archiver = archiver(cluster.spec());
            assertThat(archiver).as("the WAL archiver of %s", cluster).isNotNull();
            String store = archiver.path("parameters").path("barmanObjectName").asText();
            manifests.named("ObjectStore", store);
            List<Resource> schedules = manifests.ofKind("ScheduledBackup").stream()
                    .filter(s -> s.spec().path("cluster").path("name").asText().equals(cluster.name()))
                    .toList();
            assertThat(schedules).as("scheduled backups of %s", cluster).hasSize(1);
            JsonNode schedule = schedules.get(0).spec();
            assertThat(schedule.path("method").asText()).isEqualTo("plugin");
            assertThat(schedule.path("pluginConfiguration").path("name").asText())
                    .isEqualTo(PLUGIN);
            assertThat(schedule.path("schedule").asText().split(" "))
                    .as("CloudNativePG's six-field schedule (seconds first)")
                    .hasSize(6);
        }
    }

    @Test
    void the_object_store_takes_its_credentials_from_a_secret_whose_template_holds_only_placeholders() {
        KubernetesManifests manifests = KubernetesManifests.load();
        for (Resource store : manifests.ofKind("ObjectStore")) {
            assertThat(store.document().path("apiVersion").asText()).isEqualTo("barmancloud.cnpg.io/v1");
            JsonNode credentials = store.spec().path("configuration").path("s3Credentials");
            assertThat(credentials.isObject()).as("s3Credentials of %s", store).isTrue();
            JsonNode template = Yaml.document(TEMPLATES.resolve("object-store-credentials.template.yml"));
            assertThat(PublishedModels.problem(template))
                    .as("the template is a Secret by Kubernetes' model")
                    .isEmpty();
            credentials.properties().forEach(entry -> {
                JsonNode reference = entry.getValue();
                assertThat(reference.path("name").asText())
                        .as("%s of %s names the template's Secret", entry.getKey(), store)
                        .isEqualTo(template.path("metadata").path("name").asText());
                assertThat(template.path("stringData")
                                .path(reference.path("key").asText())
                                .asText())
                        .as("the template's %s", reference.path("key").asText())
                        .startsWith("REPLACE-");
            });
            assertThat(manifests.find(
                            "Secret", template.path("metadata").path("name").asText()))
                    .as("kubectl apply -k never applies the placeholders over the real Secret")
                    .isEmpty();
        }
    }

    @Test
    void the_point_in_time_recovery_example_recovers_a_cluster_of_the_platform_from_its_archive_to_a_moment() {
        KubernetesManifests manifests = KubernetesManifests.load();
        JsonNode example = Yaml.document(TEMPLATES.resolve("point-in-time-recovery.example.yml"));
        assertThat(example.path("kind").asText()).isEqualTo("Cluster");
        JsonNode recovery = example.path("spec").path("bootstrap").path("recovery");
        OffsetDateTime.parse(recovery.path("recoveryTarget").path("targetTime").asText());
        JsonNode source = null;
        for (JsonNode external : example.path("spec").path("externalClusters")) {
            if (external.path("name").asText().equals(recovery.path("source").asText())) {
                source = external;
            }
        }
        assertThat(source).as("the external cluster the recovery reads").isNotNull();
        assertThat(source.path("plugin").path("name").asText()).isEqualTo(PLUGIN);
        String original =
                source.path("plugin").path("parameters").path("serverName").asText();
        Resource cluster = manifests.named("Cluster", original);
        assertThat(source.path("plugin")
                        .path("parameters")
                        .path("barmanObjectName")
                        .asText())
                .as("it reads the store the original archives into")
                .isEqualTo(archiver(cluster.spec())
                        .path("parameters")
                        .path("barmanObjectName")
                        .asText());
        assertThat(recovery.path("database").asText())
                .isEqualTo(cluster.spec()
                        .path("bootstrap")
                        .path("initdb")
                        .path("database")
                        .asText());
        assertThat(example.path("metadata").path("name").asText())
                .as("a new cluster, archiving under a name of its own")
                .isNotEqualTo(original);
    }

    private static JsonNode archiver(JsonNode clusterSpec) {
        for (JsonNode plugin : clusterSpec.path("plugins")) {
            if (plugin.path("name").asText().equals(PLUGIN)
                    && plugin.path("isWALArchiver").asBoolean()) {
                return plugin;
            }
        }
        return null;
    }
}
