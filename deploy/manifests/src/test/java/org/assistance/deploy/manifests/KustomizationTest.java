package org.assistance.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** deploy/k8s/kustomization.yaml: what `kubectl apply -k deploy/k8s` applies. */
class KustomizationTest {

    @Test
    void every_manifest_in_deploy_k8s_is_applied_and_every_document_parses_as_a_kubernetes_object() throws IOException {
        KubernetesManifests manifests = KubernetesManifests.load();
        Path directory = Repository.file(KubernetesManifests.DIRECTORY);
        List<Path> onDisk;
        try (Stream<Path> files = Files.walk(directory)) {
            onDisk = files.filter(
                            f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                    .map(Path::normalize)
                    .toList();
        }
        assertThat(manifests.files())
                .as("files kustomization.yaml applies")
                .containsExactlyInAnyOrderElementsOf(onDisk);
        assertThat(manifests.all()).as("documents").isNotEmpty().allSatisfy(resource -> {
            assertThat(resource.document().path("apiVersion").asText())
                    .as("apiVersion in %s", resource.file())
                    .isNotBlank();
            assertThat(resource.kind()).as("kind in %s", resource.file()).isNotBlank();
            assertThat(resource.name())
                    .as("metadata.name in %s", resource.file())
                    .isNotBlank();
        });
        List<String> ids =
                manifests.all().stream().map(r -> r.kind() + " " + r.name()).toList();
        assertThat(ids).as("each object once").doesNotHaveDuplicates();
    }

    /**
     * kustomize publishes no schema the build can reach (no Maven or npm package), so this holds the file to the
     * fields of kustomize's own type (sigs.k8s.io/kustomize/api/types Kustomization), which kustomize reads
     * strictly too: a misspelt field stops `kubectl apply -k`.
     */
    static final Set<String> KUSTOMIZATION_FIELDS = Set.of(
            "apiVersion",
            "kind",
            "metadata",
            "openapi",
            "namePrefix",
            "nameSuffix",
            "namespace",
            "commonLabels",
            "labels",
            "commonAnnotations",
            "patchesStrategicMerge",
            "patchesJson6902",
            "patches",
            "images",
            "replacements",
            "replicas",
            "vars",
            "sortOptions",
            "resources",
            "components",
            "crds",
            "bases",
            "configMapGenerator",
            "secretGenerator",
            "helmGlobals",
            "helmCharts",
            "generatorOptions",
            "configurations",
            "generators",
            "transformers",
            "validators",
            "buildMetadata");

    @Test
    void the_kustomization_is_a_kustomize_v1beta1_kustomization_with_only_fields_kustomize_knows() {
        JsonNode kustomization =
                Yaml.document(Repository.file(KubernetesManifests.DIRECTORY).resolve("kustomization.yaml"));
        assertThat(kustomization.path("apiVersion").asText()).isEqualTo("kustomize.config.k8s.io/v1beta1");
        assertThat(kustomization.path("kind").asText()).isEqualTo("Kustomization");
        List<String> fields = new ArrayList<>();
        kustomization.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as("fields of kustomization.yaml").isSubsetOf(KUSTOMIZATION_FIELDS);
        assertThat(kustomization.path("namespace").isTextual())
                .as("namespace is a name")
                .isTrue();
        assertThat(kustomization.path("resources").isArray())
                .as("resources is a list")
                .isTrue();
        kustomization
                .path("resources")
                .forEach(entry -> assertThat(entry.isTextual())
                        .as("resource entry %s is a path", entry)
                        .isTrue());
    }
}
