package org.assistance.deploy.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What `kubectl apply -k deploy/k8s` applies: every document of every resource file the kustomization names. */
final class KubernetesManifests {
    static final String DIRECTORY = "deploy/k8s";

    record Resource(Path file, JsonNode document) {
        String kind() {
            return document.path("kind").asText();
        }

        String name() {
            return document.path("metadata").path("name").asText();
        }

        JsonNode spec() {
            return document.path("spec");
        }

        @Override
        public String toString() {
            return kind() + " " + name() + " (" + Repository.root().relativize(file) + ")";
        }
    }

    private final List<Path> files;
    private final List<Resource> resources;

    private KubernetesManifests(List<Path> files, List<Resource> resources) {
        this.files = files;
        this.resources = resources;
    }

    static KubernetesManifests load() {
        Path directory = Repository.file(DIRECTORY);
        JsonNode kustomization = Yaml.document(directory.resolve("kustomization.yaml"));
        List<Path> files = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path file = directory.resolve(entry.asText()).normalize();
            if (!Files.isRegularFile(file)) {
                throw new AssertionError("kustomization.yaml names " + entry.asText() + ", which does not exist");
            }
            files.add(file);
            for (JsonNode document : Yaml.documents(file)) {
                resources.add(new Resource(file, document));
            }
        }
        return new KubernetesManifests(files, resources);
    }

    List<Path> files() {
        return files;
    }

    List<Resource> all() {
        return resources;
    }

    List<Resource> ofKind(String kind) {
        return resources.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    Optional<Resource> find(String kind, String name) {
        return resources.stream()
                .filter(r -> r.kind().equals(kind) && r.name().equals(name))
                .findFirst();
    }

    Resource named(String kind, String name) {
        return find(kind, name)
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " in " + DIRECTORY + " (has "
                        + ofKind(kind).stream().map(Resource::name).toList() + ")"));
    }

    /** The first container of a Deployment's pod template: the service itself. */
    JsonNode container(String deployment) {
        JsonNode containers = named("Deployment", deployment)
                .spec()
                .path("template")
                .path("spec")
                .path("containers");
        if (containers.size() == 0) {
            throw new AssertionError("Deployment " + deployment + " has no container");
        }
        return containers.get(0);
    }

    /** A container's env entry by name, or a missing node. */
    static JsonNode env(JsonNode container, String name) {
        for (JsonNode entry : container.path("env")) {
            if (entry.path("name").asText().equals(name)) {
                return entry;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
