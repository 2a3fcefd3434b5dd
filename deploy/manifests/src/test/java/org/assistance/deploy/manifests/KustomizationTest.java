package org.assistance.deploy.manifests;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/k8s/kustomization.yaml: what `kubectl apply -k deploy/k8s` applies. */
class KustomizationTest {

    @Test
    void every_manifest_in_deploy_k8s_is_applied_and_every_document_parses_as_a_kubernetes_object() throws IOException {
        KubernetesManifests manifests = KubernetesManifests.load();
        Path directory = Repository.file(KubernetesManifests.DIRECTORY);
        List<Path> onDisk;
        try (Stream<Path> files = Files.walk(directory)) {
            onDisk = files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                    .map(Path::normalize)
                    .toList();
        }
        assertThat(manifests.files()).as("files kustomization.yaml applies").containsExactlyInAnyOrderElementsOf(onDisk);
        assertThat(manifests.all()).as("documents").isNotEmpty().allSatisfy(resource -> {
            assertThat(resource.document().path("apiVersion").asText()).as("apiVersion in %s", resource.file()).isNotBlank();
            assertThat(resource.kind()).as("kind in %s", resource.file()).isNotBlank();
            assertThat(resource.name()).as("metadata.name in %s", resource.file()).isNotBlank();
        });
        List<String> ids = manifests.all().stream().map(r -> r.kind() + " " + r.name()).toList();
        assertThat(ids).as("each object once").doesNotHaveDuplicates();
    }
}
