package org.assistance.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assistance.deploy.manifests.KubernetesManifests.Resource;
import org.junit.jupiter.api.Test;

/** The CloudNativePG clusters (deploy/k8s/postgres): one per service database. */
class DatabaseClustersTest {

    @Test
    void each_service_database_has_its_own_cloudnativepg_cluster() {
        KubernetesManifests manifests = KubernetesManifests.load();
        List<Resource> clusters = manifests.ofKind("Cluster");
        assertThat(clusters)
                .allSatisfy(cluster -> assertThat(
                                cluster.document().path("apiVersion").asText())
                        .as("apiVersion of %s", cluster)
                        .isEqualTo("postgresql.cnpg.io/v1"));
        List<String> databases = clusters.stream()
                .map(cluster -> cluster.spec()
                        .path("bootstrap")
                        .path("initdb")
                        .path("database")
                        .asText())
                .toList();
        assertThat(databases)
                .as("databases of the CloudNativePG clusters")
                .containsExactlyInAnyOrderElementsOf(PlatformService.all().stream()
                        .map(PlatformService::database)
                        .toList());
        assertThat(clusters)
                .allSatisfy(
                        cluster -> assertThat(cluster.spec().path("instances").asInt())
                                .as("instances of %s", cluster)
                                .isGreaterThanOrEqualTo(2));
    }
}
